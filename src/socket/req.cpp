// ZMQ_REQ: a DEALER that alternates strictly between sending a request and
// receiving its reply (EFSM otherwise), framing each request with an empty
// delimiter. ZMQ_REQ_RELAXED allows a new request before the reply;
// ZMQ_REQ_CORRELATE prefixes a request id and drops replies that do not match.
#include "socket/dealer.hpp"
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"

#include <cstring>

namespace zmx {

namespace {

class req_socket final : public dealer_socket {
public:
    explicit req_socket(context& ctx) : dealer_socket(ctx, ZMQ_REQ) {}

private:
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override { return receiving_reply_ && dealer_socket::xhas_in(); }
    bool xhas_out() override { return !(receiving_reply_ && strict_) && dealer_socket::xhas_out(); }
    void xpipe_terminated(pipe* p) override;
    int xsetsockopt(int option, const void* value, size_t size) override;

    int begin_request();
    // Reads one frame of the reply, from the pipe the request went to.
    int recv_reply_frame(msg& m);
    void discard_rest(msg& m);

    pipe* reply_pipe_ = nullptr;
    bool receiving_reply_ = false;
    bool message_begins_ = true;
    bool strict_ = true;
    bool correlate_ = false;
    uint32_t request_id_ = 0;
};

int req_socket::begin_request() {
    reply_pipe_ = nullptr;
    msg frame;
    if (correlate_) {
        ++request_id_;
        frame.init_copy_of(&request_id_, sizeof request_id_);
        frame.set(msg::more);
        if (send_via(frame, &reply_pipe_) < 0)
            return -1;
    }
    frame.init();
    frame.set(msg::more);
    if (send_via(frame, reply_pipe_ ? nullptr : &reply_pipe_) < 0)
        return -1;
    // Stale replies to earlier requests must not pass for this one's.
    msg stale;
    stale.init();
    while (recv_from(stale, nullptr) == 0)
        stale.close();
    return 0;
}

int req_socket::xsend(msg& m) {
    if (receiving_reply_) {
        if (strict_)
            return fail(EFSM);
        receiving_reply_ = false;
        message_begins_ = true;
    }
    if (message_begins_) {
        // No peer with room: nothing is sent, the caller may retry.
        if (!dealer_socket::xhas_out())
            return fail(EAGAIN);
        offer_key(m);
        if (begin_request() < 0)
            return -1;
        message_begins_ = false;
    }
    const bool more = m.has(msg::more);
    if (dealer_socket::xsend(m) < 0)
        return -1;
    if (!more) {
        receiving_reply_ = true;
        message_begins_ = true;
    }
    return 0;
}

int req_socket::recv_reply_frame(msg& m) {
    for (;;) {
        pipe* from = nullptr;
        if (recv_from(m, &from) < 0)
            return -1;
        if (!reply_pipe_ || from == reply_pipe_)
            return 0;
        discard_rest(m);
    }
}

void req_socket::discard_rest(msg& m) {
    while (m.has(msg::more) && recv_from(m, nullptr) == 0) {
    }
    m.close();
}

int req_socket::xrecv(msg& m) {
    if (!receiving_reply_)
        return fail(EFSM);
    while (message_begins_) {
        if (correlate_) {
            if (recv_reply_frame(m) < 0)
                return -1;
            uint32_t id = 0;
            const bool matches = m.has(msg::more) && m.size() == sizeof id &&
                                 (std::memcpy(&id, m.data(), sizeof id), id == request_id_);
            if (!matches) {
                discard_rest(m);
                continue;
            }
        }
        if (recv_reply_frame(m) < 0)
            return -1;
        // A reply starts with the empty delimiter; anything else is dropped.
        if (!m.has(msg::more) || m.size() != 0) {
            discard_rest(m);
            continue;
        }
        message_begins_ = false;
    }
    if (recv_reply_frame(m) < 0)
        return -1;
    if (!m.has(msg::more)) {
        receiving_reply_ = false;
        message_begins_ = true;
    }
    return 0;
}

void req_socket::xpipe_terminated(pipe* p) {
    if (reply_pipe_ == p)
        reply_pipe_ = nullptr;
    dealer_socket::xpipe_terminated(p);
}

int req_socket::xsetsockopt(int option, const void* value, size_t size) {
    switch (option) {
    case ZMQ_REQ_CORRELATE:
        return option_value::get_bool_non_negative(value, size, correlate_);
    case ZMQ_REQ_RELAXED: {
        bool relaxed;
        if (option_value::get_bool_non_negative(value, size, relaxed) < 0)
            return -1;
        strict_ = !relaxed;
        return 0;
    }
    default:
        return dealer_socket::xsetsockopt(option, value, size);
    }
}

}  // namespace

socket_base* make_req(context& ctx) { return new req_socket(ctx); }

} // namespace zmx
