#include "transport/ipc_address.hpp"

#include "base/error.hpp"

#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace zmx {

namespace {

constexpr size_t path_capacity = sizeof(sockaddr_un::sun_path);

}  // namespace

int resolve_ipc_address(const std::string& path, socket_address& out) {
    if (path.empty() || path == "*")
        return fail(EINVAL);
    if (path.size() >= path_capacity)
        return fail(ENAMETOOLONG);
    if (path == "@")  // an abstract name needs at least one character
        return fail(EINVAL);
    out = {};
    auto* un = reinterpret_cast<sockaddr_un*>(&out.storage);
    un->sun_family = AF_UNIX;
    std::memcpy(un->sun_path, path.data(), path.size());
    const bool abstract = path.front() == '@';
    if (abstract)
        un->sun_path[0] = '\0';  // the kernel's abstract namespace: no file
    // An abstract name's length is exact (no terminator); a path keeps its NUL.
    out.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
    return 0;
}

int make_wildcard_ipc_address(socket_address& out, std::string& directory) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/zmx-ipc-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        return -1;
    if (resolve_ipc_address(pattern + "/socket", out) < 0) {
        const int error = errno;
        ::rmdir(pattern.c_str());
        return fail(error);
    }
    directory = pattern;
    return 0;
}

std::string ipc_file_of(const socket_address& address) {
    const auto* un = reinterpret_cast<const sockaddr_un*>(&address.storage);
    if (address.family() != AF_UNIX || un->sun_path[0] == '\0')
        return {};
    return un->sun_path;
}

} // namespace zmx
