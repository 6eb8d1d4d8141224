// Endpoint strings: "protocol://address".
#pragma once

#include <string>

namespace zmx {

struct endpoint {
    std::string protocol;
    std::string address;

    // 0, or -1 with EINVAL (malformed) or EPROTONOSUPPORT (a protocol this
    // build does not offer: libzmq's optional ones).
    int parse(const char* text);
};

} // namespace zmx
