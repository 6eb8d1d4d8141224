// A broker that cannot start as configured: an endpoint that does not bind
// (a port already in use) or connect, an option the library refuses.
#pragma once

#include <stdexcept>

namespace zmx_broker {

class startup_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace zmx_broker
