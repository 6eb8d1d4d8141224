// The udp transport's engine (zmq_udp(7)): no handshake, one datagram per
// message. A RADIO's connection only sends: each message as a datagram of
// its group and body (udp_datagram.hpp). A DISH's only receives: each
// well-formed datagram becomes a message of its group, a malformed one is
// dropped and counted, and one that finds the socket's queue full is
// dropped too (reading pauses until there is room). A DGRAM's does both,
// as two-part messages: the peer's "ip:port" (NUL-terminated, as libzmq
// gives it), then the body; a message to
// an address that is no numeric "ip:port" is dropped, as libzmq drops it.
//
// Threading: the I/O thread of its session.
#pragma once

#include "io/reactor.hpp"
#include "transport/engine.hpp"
#include "transport/socket_link.hpp"
#include "transport/tcp_address.hpp"
#include "transport/udp_datagram.hpp"

#include <array>
#include <string>

namespace zmx {

class udp_engine final : public engine, private io_handler {
public:
    // fd is bound (DISH, DGRAM) already; a RADIO's sends to the link's
    // udp_destination.
    udp_engine(reactor& loop, int fd, const socket_link& link, events& sink);
    ~udp_engine() override;

    void start() override;
    void stop() override;
    bool active() const override { return fd_ >= 0; }
    void send(msg& m) override;
    // A datagram is sent at once or dropped; after a batch of sends the
    // engine reports them as buffered until the reactor comes round again,
    // so a fast sender lets the thread's other descriptors (a DISH reading
    // on the same I/O thread) have their turn.
    void flush() override;
    size_t buffered() const override { return batch_bytes_; }
    void resume_input() override;
    const std::string& peer_address() const override { return no_peer_address_; }
    int fd() const override { return fd_; }
    const endpoint_pair& endpoints() const override { return where_; }

private:
    void on_readable() override;
    void on_writable() override;
    // One datagram in: false when the socket's queue was full.
    bool receive_grouped(size_t size);
    bool receive_raw(size_t size, const sockaddr_storage& from);
    void send_grouped(const msg& m);
    void send_raw(const msg& m);

    reactor& loop_;
    int fd_;
    const bool raw_;  // DGRAM: "ip:port" frames instead of groups
    const bool receives_;
    events& sink_;
    const endpoint_pair where_;
    datagram_decoder decoder_;
    const tcp_address destination_;  // RADIO
    tcp_address raw_destination_;  // DGRAM: where the body being sent goes
    bool raw_destination_valid_ = false;
    bool expecting_raw_body_ = false;
    size_t batch_bytes_ = 0;  // sent since the reactor last came round
    std::array<uint8_t, max_datagram> buffer_{};
    const std::string no_peer_address_;
};

} // namespace zmx
