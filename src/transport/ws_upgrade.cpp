#include "transport/ws_upgrade.hpp"

#include "transport/ws_key.hpp"

#include <algorithm>

namespace zmx {

namespace {

void append_text(std::vector<uint8_t>& out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }

// What both ends check: "Upgrade: websocket" and "Connection: Upgrade".
bool asks_for_websocket(const http_head& head) {
    const auto upgrade = head.header("Upgrade");
    const auto connection = head.header("Connection");
    return upgrade && has_token(*upgrade, "websocket") && connection && has_token(*connection, "Upgrade");
}

constexpr std::string_view bare_zws_subprotocol = "ZWS2.0";

}  // namespace

std::string zws_subprotocol(std::string_view mechanism) { return "ZWS2.0/" + std::string(mechanism); }

upgrade_status ws_upgrade_server::feed(std::span<const uint8_t> in, size_t& consumed, std::vector<uint8_t>& out) {
    const auto status = request_.feed(in, consumed);
    if (status == http_head::status::need_more)
        return upgrade_status::need_more;
    if (status == http_head::status::error || !acceptable()) {
        append_text(out, "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return upgrade_status::refused;
    }
    append_text(out, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Accept: ");
    append_text(out, ws_accept_key(*request_.header("Sec-WebSocket-Key")));
    append_text(out, "\r\nSec-WebSocket-Protocol: ");
    append_text(out, bare_ ? bare_zws_subprotocol : subprotocol_);
    append_text(out, "\r\n\r\n");
    return upgrade_status::done;
}

bool ws_upgrade_server::acceptable() {
    const std::string_view line = request_.start_line();
    if (!line.starts_with("GET ") || !line.ends_with(" HTTP/1.1") || !asks_for_websocket(request_))
        return false;
    const auto key = request_.header("Sec-WebSocket-Key");
    const auto version = request_.header("Sec-WebSocket-Version");
    const auto offered = request_.header("Sec-WebSocket-Protocol");
    if (!key || !is_valid_ws_key(*key) || (version && *version != "13") || !offered)
        return false;
    const auto protocols = split_list(*offered);
    const auto offers = [&](std::string_view name) {
        return std::find(protocols.begin(), protocols.end(), name) != protocols.end();
    };
    // Our mechanism's own subprotocol first, as libzmq prefers it.
    if (offers(subprotocol_))
        return true;
    bare_ = accepts_bare_ && offers(bare_zws_subprotocol);
    return bare_;
}

void ws_upgrade_client::start(std::vector<uint8_t>& out) {
    key_ = new_ws_key();
    append_text(out, "GET " + path_ + " HTTP/1.1\r\nHost: " + host_ +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key_ +
                         "\r\nSec-WebSocket-Protocol: " + subprotocol_ + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
}

upgrade_status ws_upgrade_client::feed(std::span<const uint8_t> in, size_t& consumed) {
    const auto status = response_.feed(in, consumed);
    if (status == http_head::status::need_more)
        return upgrade_status::need_more;
    return status == http_head::status::complete && acceptable() ? upgrade_status::done : upgrade_status::refused;
}

bool ws_upgrade_client::acceptable() const {
    const std::string_view line = response_.start_line();
    if (!line.starts_with("HTTP/1.1 101") || !asks_for_websocket(response_))
        return false;
    const auto accept = response_.header("Sec-WebSocket-Accept");
    const auto chosen = response_.header("Sec-WebSocket-Protocol");
    return accept && *accept == ws_accept_key(key_) && chosen && *chosen == subprotocol_;
}

} // namespace zmx
