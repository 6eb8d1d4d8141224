// What both engines (ZMTP and raw) share over one connected descriptor:
// its registration with the reactor, the output (output_queue.hpp: large
// bodies spliced in, not copied) written in as few calls as the kernel
// allows, the monitor events, the one message
// held back while the socket's pipe is full, and for wss:// the TLS
// between the descriptor and the bytes the engine reads and writes
// (tls_channel.hpp).
//
// Threading: the I/O thread of its session.
#pragma once

#include "base/msg.hpp"
#include "io/reactor.hpp"
#include "transport/engine.hpp"
#include "transport/output_queue.hpp"
#include "transport/socket_link.hpp"
#include "transport/tls_channel.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace zmx {

class fd_engine : public engine, protected io_handler {
public:
    ~fd_engine() override;

    void stop() override;
    void flush() override;
    size_t buffered() const override;
    const std::string& peer_address() const override { return peer_address_; }
    int fd() const override { return fd_; }
    const endpoint_pair& endpoints() const override { return where_; }

protected:
    fd_engine(reactor& loop, int fd, const socket_link& link, events& sink);

    // The descriptor is closed: by stop(), or because the connection failed.
    bool stopped() const { return fd_ < 0; }
    // Writing failed (errno says why): end the connection.
    virtual void write_failed() = 0;
    void emit(int event, uint32_t value);
    // Hands a message to the session. When the pipe is full the engine
    // keeps it and stops reading: false then, until release_held().
    bool deliver(msg& m);
    // Delivers the held message, if any: false while the pipe is still full.
    bool release_held();
    bool holding() const { return holding_; }
    // Reads the peer's bytes (decrypted, over wss) into `into`: how many, 0
    // once the peer closed, or -1 with errno: EAGAIN for none yet, EPROTO
    // when TLS failed (its handshake too: a certificate that does not
    // verify).
    ssize_t receive(std::span<uint8_t> into);
    // As receive(), filling `into` and then `then` in one system call
    // (over wss only `into`).
    ssize_t receive(std::span<uint8_t> into, std::span<uint8_t> then);
    // Whether receive() has bytes in hand that the descriptor will not
    // signal again (TLS records read but not yet taken).
    bool input_in_hand() const { return tls_ && tls_->has_input(); }
    // Whether m's body goes to the kernel from the message itself, spliced
    // into the output, rather than copied into it: a large body, where the
    // bytes reach the descriptor as they are (over wss they pass through
    // TLS first).
    bool splices(const msg& m) const { return m.size() >= output_queue::splice_threshold && !tls_; }

    reactor& loop_;
    int fd_;
    const socket_link& link_;
    events& sink_;
    output_queue output_;
    std::vector<uint8_t>& out_ = output_.bytes();  // where the engine encodes

private:
    void on_writable() override;
    // Sends queue (the output, or over wss its records) as far as the
    // descriptor takes it, and asks to hear when it takes more.
    void send(output_queue& queue);

    msg held_;
    bool holding_ = false;
    std::unique_ptr<tls_channel> tls_;  // a wss:// connection's
    const std::string peer_address_;
    const endpoint_pair where_;
};

} // namespace zmx
