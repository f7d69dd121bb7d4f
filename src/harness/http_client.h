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

/// Why a request got no response.
struct HttpTransportError {
  std::string message;
  bool timed_out = false;  // the server took the connection but did not answer in time
};

/// Sends one request; on a transport failure (refused, timeout) returns nullopt with `error`.
std::optional<HttpResponse> SendHttpRequest(const std::string& method, const std::string& url,
                                            const std::map<std::string, std::string>& headers,
                                            const std::optional<std::string>& body, double timeout_seconds,
                                            HttpTransportError& error);

/// True once something accepts TCP connections on 127.0.0.1:port (in the calling thread's
/// network namespace).
bool PortAcceptsConnections(int port);

/// A port that was free a moment ago on 127.0.0.1.
int FindFreePort();

}  // namespace scbench::harness
