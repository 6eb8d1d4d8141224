// Error reporting in libzmq's style: set errno, return -1.
#pragma once

#include <cerrno>
#include <cstddef>

namespace zmx {

// Sets errno and returns -1, so a failing path reads `return fail(EINVAL);`.
inline int fail(int error) {
    errno = error;
    return -1;
}

// The same for functions that give a pointer: `return fail_null(EMFILE);`.
inline std::nullptr_t fail_null(int error) {
    errno = error;
    return nullptr;
}

} // namespace zmx
