// C entry points of <xio/poll.h>: xpoll sets and xselect.
#include "base/error.hpp"
#include "xio/id_table.hpp"
#include "xio/xpoll_set.hpp"

using namespace zmx;
using namespace zmx::xio;

namespace {

id_table<poll_set>& poll_sets() {
    static auto* table = new id_table<poll_set>;
    return *table;
}

} // namespace

extern "C" {

int xpoll_create() { return poll_sets().add(std::make_shared<poll_set>()); }

int xpoll_close(int pollid) { return poll_sets().remove(pollid) ? 0 : fail(EBADF); }

int xpoll_ctl(int pollid, int op, struct poll_fd* pollfd) {
    auto set = poll_sets().get(pollid);
    if (!set)
        return fail(EBADF);
    if (!pollfd)
        return fail(EINVAL);
    return set->control(op, *pollfd);
}

int xpoll_wait(int pollid, struct poll_fd* fds, int n, int timeout) {
    auto set = poll_sets().get(pollid);
    return set ? set->wait(fds, n, timeout) : fail(EBADF);
}

int xselect(int events, int nin, int* in_set, int nout, int* out_set) {
    if (nin < 0 || nout < 0 || (nin > 0 && !in_set) || (nout > 0 && !out_set))
        return fail(EINVAL);
    int count = 0;
    for (int i = 0; i < nin; ++i)  // every one is looked at: that binds and connects them
        if (poll_set::ready(in_set[i], events) && count < nout)
            out_set[count++] = in_set[i];
    return count;
}

} // extern "C"
