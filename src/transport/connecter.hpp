// Connects a session to its peer over tcp or ipc: resolves the endpoint,
// connects without blocking (at most ZMQ_CONNECT_TIMEOUT for tcp), and
// after a failure tries again at the reconnect interval, doubling it up to
// ZMQ_RECONNECT_IVL_MAX (with a random part, so many peers do not all come
// back at once). Each connected descriptor goes to the session, as a
// listener hands its accepted ones over; the session asks again when that
// connection ends. The monitor hears CONNECT_DELAYED, CONNECTED, CLOSED
// (a refused attempt, as libzmq reports it) and CONNECT_RETRIED.
//
// Threading: the session's I/O thread.
#pragma once

#include "io/reactor.hpp"
#include "transport/peer_address.hpp"
#include "transport/socket_link.hpp"

namespace zmx {

class connecter final : private io_handler {
public:
    class owner {
    public:
        // fd is connected: the session owns it from now on.
        virtual void connected(int fd) = 0;
        // No attempt follows (ZMQ_RECONNECT_STOP_CONN_REFUSED on a refusal).
        virtual void connect_abandoned() = 0;

    protected:
        ~owner() = default;
    };

    connecter(reactor& loop, const socket_link& link, owner& session);
    ~connecter() { cancel(); }
    connecter(const connecter&) = delete;
    connecter& operator=(const connecter&) = delete;

    // Connects at once; the owner hears connected() now or later, unless
    // the attempt fails and another is planned.
    void connect_now();
    // Connects after the reconnect interval; never with RECONNECT_IVL -1.
    void connect_later();
    // A connection got through its handshake: the back-off starts over.
    void reset_backoff() { backoff_ivl_ = link_.reconnect_ivl; }
    // Drops a pending attempt and a planned one (also from inside a call
    // to the owner).
    void cancel();

private:
    // A non-blocking stream socket for the peer, bound to its source
    // address if it names one: the descriptor, or -1.
    int open_socket(const peer_address& peer) const;
    void on_writable() override;  // the pending connect ended
    void on_timer(int id) override;
    // Stops watching the pending connect (and its timeout): its fd.
    int take_pending();
    // The attempt on fd failed with error: close it, then retry or give up.
    void abandon_attempt(int fd, int error);
    void succeeded(int fd);
    int next_interval();
    void emit(int event, uint32_t value);

    static constexpr int retry_timer = 1;
    static constexpr int timeout_timer = 2;

    reactor& loop_;
    const socket_link& link_;
    owner& owner_;
    int pending_fd_ = -1;  // a connect in progress
    bool retry_planned_ = false;
    int backoff_ivl_ = 0;  // the interval's base, doubling per failure
};

} // namespace zmx
