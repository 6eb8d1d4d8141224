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

#include "transport/fd_engine.hpp"

#include <cerrno>

namespace zmx {

class raw_engine final : public fd_engine {
public:
    raw_engine(reactor& loop, int fd, const socket_link& link, events& sink) : fd_engine(loop, fd, link, sink) {}

    void start() override;
    bool active() const override { return !stopped(); }
    void send(msg& m) override;
    void resume_input() override;

private:
    void on_readable() override;
    void write_failed() override { fail(errno); }
    // The connection is lost: error is the errno that says why.
    void fail(int error);
    // An empty message: the connection started or ended.
    void notify();
};

} // namespace zmx
