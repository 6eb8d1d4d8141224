// Error reporting in libzmq's style: set errno, return -1.
#pragma once

#include <cerrno>

namespace zmx {

// Sets errno and returns -1, so a failing path reads `return fail(EINVAL);`.
inline int fail(int error) {
    errno = error;
    return -1;
}

} // namespace zmx
