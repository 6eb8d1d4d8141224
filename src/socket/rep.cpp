// ZMQ_REP: a ROUTER that alternates strictly between receiving a request and
// sending its reply (EFSM otherwise). The request's envelope (everything up
// to the empty delimiter) is kept aside and sent back ahead of the reply.
#include "socket/router.hpp"
#include "socket/socket_types.hpp"

#include "base/error.hpp"

namespace zmx {

namespace {

class rep_socket final : public router_socket {
public:
    explicit rep_socket(context& ctx) : router_socket(ctx, ZMQ_REP) {}

private:
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override { return !sending_reply_ && router_socket::xhas_in(); }
    bool xhas_out() override { return sending_reply_ && router_socket::xhas_out(); }

    // Moves the envelope of the next request into the reply's pipe.
    int take_envelope(msg& m);

    bool sending_reply_ = false;
    bool request_begins_ = true;
};

int rep_socket::take_envelope(msg& m) {
    for (;;) {
        if (router_socket::xrecv(m) < 0)
            return -1;
        if (!m.has(msg::more)) {
            // No delimiter: a malformed request, dropped with its envelope.
            rollback_send();
            m.close();
            continue;
        }
        const bool bottom = m.size() == 0;
        router_socket::xsend(m);
        if (bottom)
            return 0;
    }
}

int rep_socket::xrecv(msg& m) {
    if (sending_reply_)
        return fail(EFSM);
    if (request_begins_) {
        if (take_envelope(m) < 0)
            return -1;
        request_begins_ = false;
    }
    if (router_socket::xrecv(m) < 0)
        return -1;
    if (!m.has(msg::more)) {
        sending_reply_ = true;
        request_begins_ = true;
    }
    return 0;
}

int rep_socket::xsend(msg& m) {
    if (!sending_reply_)
        return fail(EFSM);
    const bool more = m.has(msg::more);
    if (router_socket::xsend(m) < 0)
        return -1;
    if (!more)
        sending_reply_ = false;
    return 0;
}

}  // namespace

socket_base* make_rep(context& ctx) { return new rep_socket(ctx); }

} // namespace zmx
