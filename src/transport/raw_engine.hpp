// A connection to a peer that speaks no ZMTP, for the STREAM socket type:
// no greeting, no handshake, no framing. What one read returns (at most
// 8 KiB, libzmq's chunk) becomes one message; a message sent is written as
// its bare bytes.
//
// The engine is ready at once. It reports an empty message when the
// connection starts and another when the peer goes (the notifications of
// ZMQ_STREAM_NOTIFY; the STREAM socket drops them when that is off). As
// libzmq does, the monitor hears no handshake success, and a lost
// connection is reported as a failed handshake (with its errno) before the
// disconnection.
//
// Threading: the I/O thread of its session.
#pragma once

#include "io/reactor.hpp"
#include "transport/engine.hpp"
#include "transport/socket_link.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace zmx {

class raw_engine final : public engine, private io_handler {
public:
    raw_engine(reactor& loop, int fd, const socket_link& link, events& sink);
    ~raw_engine() override;

    void start() override;
    void stop() override;
    bool active() const override { return fd_ >= 0; }
    void send(msg& m) override;
    void flush() override;
    size_t buffered() const override { return out_.size() - out_offset_; }
    void resume_input() override;
    const std::string& peer_address() const override { return peer_address_; }
    int fd() const override { return fd_; }

private:
    void on_readable() override;
    void on_writable() override;
    // Hands a message to the session; when the pipe is full, holds it and
    // stops reading. False when held.
    bool deliver(msg& m);
    // The connection is lost: error is the errno that says why.
    void fail(int error);
    // An empty message: the connection started or ended.
    void notify();
    void emit(int event, uint32_t value);

    reactor& loop_;
    int fd_;
    const socket_link& link_;
    events& sink_;
    std::vector<uint8_t> out_;
    size_t out_offset_ = 0;
    msg held_;  // a message the full pipe could not take yet
    bool holding_ = false;
    std::string peer_address_;
};

} // namespace zmx
