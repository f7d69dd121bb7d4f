"""Entity tags and the conditional request headers If-Match and If-None-Match."""

from errors import ApiError


def etag(version):
    return f'"{version}"'


def tag_matches(header_value, current):
    """True if the header is `*` or lists the current tag (exact, strong comparison)."""
    candidates = [item.strip() for item in header_value.split(",")]
    return candidates == ["*"] or current in candidates


def check_if_match(headers, snapshot, required=False):
    """Raise 428 when a required If-Match is missing, 412 when it does not match."""
    header = headers.get("If-Match")
    current = etag(snapshot.version)
    if header is None:
        if required:
            raise ApiError(428, "this request needs an If-Match header")
        return
    if not tag_matches(header, current):
        raise ApiError(412, f"the task is at version {snapshot.version}", headers={"ETag": current})


def is_not_modified(headers, snapshot):
    header = headers.get("If-None-Match")
    return header is not None and tag_matches(header, etag(snapshot.version))
