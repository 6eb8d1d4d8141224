// Connects a session to its peer over tcp or ipc: resolves the endpoint,
// connects without blocking (at most ZMQ_CONNECT_TIMEOUT for tcp), and
// after a failure tries again at the reconnect interval, doubling it up to
// ZMQ_RECONNECT_IVL_MAX (with a random part, so many peers do not all come
// back at once). Each connected descriptor goes to the session, as a
// listener hands its accepted ones over; the session asks again when that
// connection ends. The monitor hears CONNECT_DELAYED, CONNECTED, CLOSED
// (a refused attempt, as libzmq reports it) and CONNECT_RETRIED.
//
// With ZMQ_SOCKS_PROXY a tcp connect goes to the proxy, and the descriptor
// is handed over only once the proxy relays it to the peer (a
// socks5_handshake, within ZMQ_HANDSHAKE_IVL). As in libzmq the monitor
// events name the proxy, CONNECTED comes after the SOCKS5 exchange, and a
// proxy that fails it (refuses us, or cannot reach the peer) counts as a
// failed attempt: CLOSED, then CONNECT_RETRIED.
//
// Threading: the session's I/O thread.
#pragma once

#include "io/reactor.hpp"
#include "transport/peer_address.hpp"
#include "transport/socket_link.hpp"
#include "transport/socks5_handshake.hpp"

#include <memory>

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
    // Where the descriptor connects: the peer, or the SOCKS5 proxy.
    int resolve_next_hop(peer_address& out) const;
    void on_writable() override;  // the pending connect ended, or the proxy takes more
    void on_readable() override;  // the proxy answered
    void on_timer(int id) override;
    // Stops watching the pending connect or SOCKS5 exchange (and its
    // timeout): its fd.
    int take_pending();
    // The attempt on fd failed with error: close it, then retry or give up.
    void abandon_attempt(int fd, int error);
    // fd reached the next hop: the peer's, or the proxy's (then the
    // SOCKS5 exchange comes first).
    void succeeded(int fd);
    // fd reaches the peer: the owner takes it.
    void hand_over(int fd);
    void begin_socks_exchange(int fd);
    // Sends what the exchange has pending, and waits for what it needs next.
    void talk_to_proxy();
    // 0, or -1 with errno when the proxy connection failed.
    int send_to_proxy();
    int next_interval();
    void emit(int event, uint32_t value);

    static constexpr int retry_timer = 1;
    static constexpr int timeout_timer = 2;

    reactor& loop_;
    const socket_link& link_;
    owner& owner_;
    int pending_fd_ = -1;  // a connect in progress, or its SOCKS5 exchange
    std::unique_ptr<socks5_handshake> socks_;  // during the SOCKS5 exchange
    bool retry_planned_ = false;
    int backoff_ivl_ = 0;  // the interval's base, doubling per failure
};

} // namespace zmx
