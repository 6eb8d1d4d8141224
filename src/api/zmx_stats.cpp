// C entry points of zmx's observability (include/zmx.h): the checks of a
// caller's struct size, and the copy of as many bytes as it has room for.
#include "api/handles.hpp"
#include "base/error.hpp"

#include <zmx.h>

#include <cstring>

using namespace zmx;
using namespace zmx::api;

namespace {

// Fills the caller's struct, at least the first version's and at most
// ours, with the first `size` bytes of what fill(socket, ours, filled)
// gathered, if it says it filled it. Returns what fill returned (-1 with
// errno), or -1 with errno.
template <typename Stats, typename Fill>
int copy_out(void* s, Stats* stats, size_t size, size_t minimum, Fill fill) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (!stats)
        return fail(EFAULT);
    if (size < minimum || size > sizeof(Stats))
        return fail(EINVAL);
    Stats ours{};
    bool filled = false;
    const int rc = fill(*sock.get(), ours, filled);
    if (rc >= 0 && filled)
        std::memcpy(stats, &ours, size);
    return rc;
}

} // namespace

int zmx_socket_stats(void* s, struct zmx_socket_stats* stats, size_t size) {
    return copy_out(s, stats, size, ZMX_SOCKET_STATS_MIN_SIZE,
                    [](socket_base& sock, struct zmx_socket_stats& all, bool& filled) {
                        filled = true;
                        return sock.stats(all);
                    });
}

// Past the last peer, only the count: the caller's struct is left alone.
int zmx_peer_stats(void* s, size_t index, struct zmx_peer_stats* stats, size_t size) {
    return copy_out(s, stats, size, ZMX_PEER_STATS_MIN_SIZE,
                    [index](socket_base& sock, struct zmx_peer_stats& one, bool& filled) {
                        const int peers = sock.peer_stats(index, one);
                        filled = peers >= 0 && index < static_cast<size_t>(peers);
                        return peers;
                    });
}
