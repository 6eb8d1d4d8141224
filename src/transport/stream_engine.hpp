// A ZMTP 3.x connection over a stream descriptor (tcp or ipc): the
// greeting, the NULL handshake, then frames both ways.
//
// Life cycle, in order: greeting (ours is sent at once; READY waits for the
// peer's whole greeting, which libzmq requires), handshake (READY each way,
// socket types checked), active. Any failure ends it: the engine closes
// its descriptor and tells its session once.
//
// Threading: the I/O thread of its session.
#pragma once

#include "base/msg.hpp"
#include "io/reactor.hpp"
#include "transport/engine.hpp"
#include "transport/socket_link.hpp"
#include "zmtp/commands.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/greeting.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace zmx {

class stream_engine final : public engine, private io_handler {
public:
    stream_engine(reactor& loop, int fd, const socket_link& link, events& sink);
    ~stream_engine() override;

    void start() override;
    void stop() override;
    bool active() const override { return state_ == state::active; }
    void send(msg& m) override;
    void flush() override;
    size_t buffered() const override { return out_.size() - out_offset_; }
    void resume_input() override;
    const std::string& peer_address() const override { return peer_address_; }
    int fd() const override { return fd_; }

private:
    enum class state { greeting, handshake, active, closed };

    void on_readable() override;
    void on_writable() override;
    // Works through in_ from in_offset_; false once the engine failed.
    bool process_input();
    bool process_greeting();
    bool process_frames();
    bool handle_command(const msg& body);
    bool handle_ready(zmtp::byte_view data);
    // Ends the connection; a handshake that fails reports protocol_error
    // (a ZMQ_PROTOCOL_ERROR_* code, 0 for none) to the monitor.
    void fail(uint32_t protocol_error = 0);
    // Sends an ERROR command with the reason and ends the connection for
    // good (libzmq reports only DISCONNECTED for this).
    void refuse(std::string_view reason);
    void close_connection(bool peer_refused);
    void emit(int event, uint32_t value);

    reactor& loop_;
    int fd_;
    const socket_link& link_;
    events& sink_;
    state state_ = state::greeting;
    zmtp::greeting_parser greeting_;
    zmtp::decoder decoder_;
    std::vector<uint8_t> in_;
    size_t in_offset_ = 0;
    size_t in_end_ = 0;
    std::vector<uint8_t> out_;
    size_t out_offset_ = 0;
    msg held_;               // a frame the full pipe could not take yet
    bool holding_ = false;
    bool reading_ = true;
    std::string peer_address_;
};

} // namespace zmx
