// A ZMTP connection over a stream descriptor (tcp, ipc or ws): the
// greeting, the security mechanism's handshake (zmtp/mechanism.hpp), then
// frames both ways. Over ws the HTTP upgrade takes the greeting's place and
// WebSocket frames carry ZMTP's (ws_wire.hpp, stream_engine_ws.cpp).
//
// Life cycle, in order: greeting (ours is sent in libzmq's stages, see
// zmtp/greeting_exchange.hpp; the handshake waits for the peer's whole
// greeting, which libzmq requires), handshake (the mechanism's commands,
// socket types checked), active. A ZMTP 1.0/2.0 peer takes the legacy path instead
// (stream_engine_legacy.cpp): greeting, its identity frame, active. Any failure ends it: the engine closes
// its descriptor and tells its session once. A handshake that has not
// finished within ZMQ_HANDSHAKE_IVL fails too.
//
// Threading: the I/O thread of its session.
#pragma once

#include "transport/fd_engine.hpp"
#include "transport/heartbeat.hpp"
#include "transport/pending_input.hpp"
#include "transport/ws_wire.hpp"
#include "zmtp/commands.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/framing.hpp"
#include "zmtp/greeting_exchange.hpp"
#include "zmtp/group_frames.hpp"
#include "zmtp/mechanism.hpp"

#include <cerrno>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace zmx {

class stream_engine final : public fd_engine, private heartbeat::owner {
public:
    stream_engine(reactor& loop, int fd, const socket_link& link, events& sink);
    ~stream_engine() override;

    void start() override;
    bool active() const override { return state_ == state::active && !stopped(); }
    void send(msg& m) override;
    void resume_input() override;
    void zap_reply(const zmtp::frame_list& reply) override;

private:
    enum class state { upgrade, greeting, handshake, awaiting_zap, legacy_identity, active };
    // What the next frame of the input is, over either framing.
    enum class incoming { need_more, message, command, control, error, closed };

    void on_readable() override;
    // Whether the next read may be taken: the last one is used up, no
    // message is held, no ZAP answer awaited.
    bool takes_input() const;
    // Only while a ZAP handler has yet to answer: the peer, waiting for
    // our next command, hung up. libzmq reads on meanwhile and so sees it at
    // once (HANDSHAKE_FAILED_NO_DETAIL with EPIPE or ECONNRESET); what the
    // peer did send (a NULL client's READY) stays unread until the answer.
    void on_hang_up() override;
    void on_timer(int id) override;
    void write_failed() override { fail(0, errno); }
    // heartbeat::owner
    void heartbeat_ping(uint16_t ttl) override;
    // A silent peer is lost (libzmq reconnects) unless we are the silent
    // ones: with the pipe full we stopped reading what it sent.
    void heartbeat_expired() override {
        if (!holding())
            fail();
    }
    void cancel_handshake_timer();
    // Reads once from the descriptor (stream_engine_reading.cpp): what
    // receive() returns, the bytes counted where they landed.
    ssize_t read_once();
    // Where a large body's missing bytes can be read straight to (empty
    // when none is arriving).
    std::span<uint8_t> direct_body_room();
    // Works through the pending input; false once the engine failed.
    bool process_input();
    bool process_greeting();
    bool process_frames();
    incoming next_zmtp_frame();
    msg& current_frame() { return ws_ ? ws_->decoder().frame() : decoder_.frame(); }
    // Where the mechanism appends its commands.
    zmtp::bytes& mechanism_output() { return ws_ ? ws_->handshake_output() : out_; }
    // ws: the HTTP upgrade, then the mechanism's handshake.
    bool process_upgrade();
    // ws: the next frame; ping, pong and close are answered here.
    incoming next_ws_frame();
    // After a decoding error: it was a frame over ZMQ_MAXMSGSIZE.
    bool frame_over_maximum() const;
    void send_ws_ping();
    bool handle_command(const msg& body);
    // Hands a handshake command to the mechanism: false once the engine
    // failed.
    bool take_handshake_command(zmtp::byte_view body);
    // Acts on what the mechanism answered: false once the engine failed.
    bool take_mechanism_outcome(zmtp::mechanism::outcome result);
    // The ZAP handler answered: the peer's waiting commands go on.
    void resume_after_zap();
    // The mechanism failed: its last word, the monitor's event, the end.
    void end_handshake_in_failure();
    // Hands a subscription to the socket in its message form.
    bool pass_subscription(bool subscribe, zmtp::byte_view topic);
    // A RADIO's peer joined or left a group: handed over in message form.
    bool pass_join_leave(bool join, zmtp::byte_view group);
    // A RADIO's message goes out as its group frame then its body.
    void send_with_group(const msg& m);
    // A message frame after the handshake: to the socket, a DISH's paired
    // with its group frame first. False when held (the pipe is full) or
    // the engine failed.
    bool take_message(msg& frame);
    // A frame the mechanism sealed: opened, then taken as the message
    // or command it carries. False when held or the engine failed.
    bool take_sealed(msg& frame);
    // Queues a message frame or a command for the peer in its framing
    // (ZMTP or WebSocket), sealed when the mechanism seals them (CURVE).
    void put_frame(const msg& m);
    // Plain ZMTP only (no CURVE, ws or TLS between): the header is
    // encoded, the body spliced into the output (output_queue.hpp).
    void put_large_frame(msg& m);
    void put_command(zmtp::byte_view body);
    void put_sealed(uint8_t flags, zmtp::byte_view body);
    // The legacy path: the peer's framing and its identity frame.
    bool start_legacy();
    bool take_legacy_identity(msg& frame);
    // ws with bare "ZWS2.0": our routing id, then the peer's as on the
    // legacy path (stream_engine_ws.cpp).
    bool start_bare_zws();
    // Ends the connection; a handshake that fails reports protocol_error
    // (a ZMQ_PROTOCOL_ERROR_* code, 0 for none) to the monitor. Any code
    // makes it a protocol failure, not reconnected to. Without one, a lost
    // connection's errno goes with HANDSHAKE_FAILED_NO_DETAIL, as libzmq
    // reports it (EPIPE when the peer closed).
    void fail(uint32_t protocol_error = 0, int os_error = 0);
    void close_connection(bool protocol_error);

    static constexpr int handshake_timer = 1;

    state state_ = state::greeting;  // state::upgrade over ws
    bool handshake_timer_armed_ = false;
    std::unique_ptr<zmtp::mechanism> mechanism_;
    zmtp::frame_sealer* sealer_ = nullptr;  // the mechanism's, once active
    std::unique_ptr<ws_wire> ws_;  // a ws:// connection's
    zmtp::greeting_exchange greeting_;
    zmtp::framing framing_ = zmtp::framing::zmtp3;  // the peer's, once its greeting is in
    zmtp::decoder decoder_;
    zmtp::group_frame_reader groups_;  // a DISH's
    pending_input in_;
    heartbeat heartbeat_;
};

} // namespace zmx
