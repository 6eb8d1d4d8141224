// An endpoint string, "protocol://address", taken apart.
#pragma once

#include <string>

namespace zmx {

struct endpoint_uri {
    std::string protocol;
    std::string address;

    // 0, or -1 with EINVAL (malformed) or EPROTONOSUPPORT (a protocol this
    // build does not offer: libzmq's optional ones).
    int parse(const char* text);
};

} // namespace zmx
