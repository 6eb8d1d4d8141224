#include "transport/ws_wire.hpp"

#include "transport/ws_address.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/greeting_exchange.hpp"

#include <cassert>

namespace zmx {

std::unique_ptr<ws_wire> ws_wire::for_link(const socket_link& link, std::string_view mechanism,
                                           int64_t max_message_size) {
    if (websocket_scheme(link.endpoint).empty())
        return nullptr;
    // Bare ZWS 2.0 has no handshake, so only where a ZMTP 1.0 peer would be
    // taken: NULL without ZAP.
    const bool accepts_bare = zmtp::accepts_legacy_peers(mechanism, !link.security.zap_domain.empty());
    return std::unique_ptr<ws_wire>(
        new ws_wire(!link.accepted, mechanism, accepts_bare, link.endpoint, max_message_size));
}

ws_wire::ws_wire(bool client, std::string_view mechanism, bool accepts_bare, const std::string& endpoint,
                 int64_t max_message_size)
    : client_(client), decoder_(!client, max_message_size) {
    if (!client) {
        server_.emplace(mechanism, accepts_bare);
        return;
    }
    ws_address address;
    split_ws_address(std::string_view(endpoint).substr(websocket_scheme(endpoint).size()), address);
    // "source;destination": the Host header names the destination.
    const size_t source_end = address.host_port.find(';');
    std::string host = source_end == std::string::npos ? address.host_port : address.host_port.substr(source_end + 1);
    client_upgrade_.emplace(mechanism, std::move(host), address.path);
}

void ws_wire::start(zmtp::bytes& out) {
    if (client_upgrade_)
        client_upgrade_->start(out);
}

upgrade_status ws_wire::upgrade(std::span<const uint8_t> in, size_t& consumed, zmtp::bytes& out) {
    return server_ ? server_->feed(in, consumed, out) : client_upgrade_->feed(in, consumed);
}

void ws_wire::take_handshake_output(zmtp::bytes& out) {
    // Our own mechanism's frames, well formed: its commands, and after a
    // CURVE handshake the messages it sealed.
    zmtp::decoder reader;
    size_t offset = 0;
    while (offset < handshake_out_.size()) {
        size_t consumed = 0;
        const auto result = reader.decode(zmtp::byte_view(handshake_out_).subspan(offset), consumed);
        offset += consumed;
        assert(result != zmtp::decoder::result::error);
        if (result == zmtp::decoder::result::command) {
            const msg& body = reader.frame();
            put_command(out, zmtp::byte_view(static_cast<const uint8_t*>(body.data()), body.size()));
        } else if (result == zmtp::decoder::result::message) {
            put_message(out, reader.frame());
        }
    }
    handshake_out_.clear();
}

} // namespace zmx
