// What a ZMTP connection over WebSocket (ws://) has beyond one over tcp:
// the HTTP upgrade in place of the ZMTP greeting, and RFC 6455 frames in
// place of ZMTP's (ws_frame.hpp). stream_engine keeps one of these for a
// ws connection and otherwise works as over tcp: same mechanism, same
// commands, same heartbeats and limits.
//
// Threading: the I/O thread of its engine.
#pragma once

#include "base/msg.hpp"
#include "transport/socket_link.hpp"
#include "transport/ws_frame_decoder.hpp"
#include "transport/ws_frame_encoder.hpp"
#include "transport/ws_upgrade.hpp"
#include "zmtp/commands.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

namespace zmx {

class ws_wire {
public:
    // nullptr unless the link's endpoint is a ws:// or wss:// one (TLS is
    // below this, in fd_engine).
    static std::unique_ptr<ws_wire> for_link(const socket_link& link, std::string_view mechanism,
                                             int64_t max_message_size);

    // The client's request; nothing for a server, which waits for one.
    void start(zmtp::bytes& out);
    // Reads the peer's side of the upgrade; a server appends its answer.
    upgrade_status upgrade(std::span<const uint8_t> in, size_t& consumed, zmtp::bytes& out);
    // Once upgraded: the client asked for bare "ZWS2.0" (ws_upgrade.hpp),
    // so no mechanism runs and routing ids are exchanged instead.
    bool bare() const { return server_ && server_->bare(); }

    ws::frame_decoder& decoder() { return decoder_; }
    void put_message(zmtp::bytes& out, const msg& frame) const { ws::append_message(out, frame, client_); }
    void put_command(zmtp::bytes& out, zmtp::byte_view body) const { ws::append_command(out, body, client_); }
    void put_control(zmtp::bytes& out, ws::opcode code, zmtp::byte_view payload) const {
        ws::append_control(out, code, payload, client_);
    }

    // Where the mechanism writes its commands and sealed frames: it frames
    // them for ZMTP, and take_handshake_output() moves them to `out` as
    // WebSocket frames.
    zmtp::bytes& handshake_output() { return handshake_out_; }
    void take_handshake_output(zmtp::bytes& out);

private:
    ws_wire(bool client, std::string_view mechanism, bool accepts_bare, const std::string& endpoint,
            int64_t max_message_size);

    const bool client_;  // we connected: we ask for the upgrade, and mask
    std::optional<ws_upgrade_server> server_;
    std::optional<ws_upgrade_client> client_upgrade_;
    ws::frame_decoder decoder_;
    zmtp::bytes handshake_out_;
};

} // namespace zmx
