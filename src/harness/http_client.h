#pragma once
/// A small blocking HTTP/1.1 client over libcurl, for talking to a submission's server on
/// loopback.

#include <map>
#include <optional>
#include <string>

namespace scbench::harness {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

/// Sends one request; on a transport failure (refused, timeout) returns nullopt with `error`.
std::optional<HttpResponse> SendHttpRequest(const std::string& method, const std::string& url,
                                            const std::map<std::string, std::string>& headers,
                                            const std::optional<std::string>& body, double timeout_seconds,
                                            std::string& error);

/// True once something accepts TCP connections on 127.0.0.1:port.
bool PortAcceptsConnections(int port);

/// A port that was free a moment ago on 127.0.0.1.
int FindFreePort();

}  // namespace scbench::harness
