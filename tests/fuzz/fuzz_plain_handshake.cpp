// Fuzz target: the PLAIN mechanism (src/zmtp/plain_mechanism.*) as a
// client or a server, fed the peer's command bodies and, while the server
// waits for it, its ZAP handler's reply (src/zmtp/zap.*), in any order the
// input chooses. The engine's framing and greeting are fuzz_null_handshake's
// business; this drives what the engine hands a mechanism.
//
// It checks: every answer is one command that parses (or libzmq's
// 0x5e "RROR" refusal); a server asks ZAP only after a HELLO whose user
// name and password re-encode to the HELLO it got, with the request laid
// out as RFC 27 says; the outcome of a ZAP reply is what parse_zap_reply
// makes of it (200 WELCOME, 300 silence, 400/500 an ERROR with the code,
// a broken reply a ZAP protocol error); ready only with a compatible peer,
// a server answering with READY; a failure carries a monitor event.
//
// Input: [role: bit 0 server, the rest our socket type] then events, each
// [kind] [size] [size bytes]: kind % 4 is 0-1 a command body from the
// peer, 2 a ZAP reply (its bytes split into frames, each a length byte
// then its bytes), 3 "no handler is bound".
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/plain_mechanism.hpp"
#include "zmtp/socket_type_table.hpp"

#include <zmq.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace {

using zmx::fuzz::byte_span;
namespace zmtp = zmx::zmtp;
using outcome = zmtp::mechanism::outcome;

constexpr int socket_type_count = ZMQ_CHANNEL + 1;
const std::string libzmq_refusal_prefix = "\x5e" "RROR";

std::string text(byte_span bytes) { return {reinterpret_cast<const char*>(bytes.data()), bytes.size()}; }

// The body of the one command frame in `framed`; empty when nothing was sent.
std::string only_command(const zmtp::bytes& framed) {
    if (framed.empty())
        return {};
    zmtp::decoder decoder;
    size_t consumed = 0;
    FUZZ_REQUIRE(decoder.decode(framed, consumed) == zmtp::decoder::result::command);
    FUZZ_REQUIRE(consumed == framed.size());
    zmx::msg body;
    body.init();
    decoder.frame().move_to(body);
    std::string result(static_cast<const char*>(body.data()), body.size());
    body.close();
    FUZZ_REQUIRE(result.starts_with(libzmq_refusal_prefix) ||
                 zmtp::parse_command({reinterpret_cast<const uint8_t*>(result.data()), result.size()}));
    return result;
}

std::string command_named(std::string_view name) {
    zmtp::bytes body;
    zmtp::encode_command(body, name, {});
    return {body.begin(), body.end()};
}

zmtp::frame_list frames_of(byte_span bytes) {
    zmtp::frame_list frames;
    while (!bytes.empty()) {
        const size_t size = std::min<size_t>(bytes[0], bytes.size() - 1);
        frames.push_back(text(bytes.subspan(1, size)));
        bytes = bytes.subspan(1 + size);
    }
    return frames;
}

// The server asked ZAP: only after a HELLO, which its request restates.
void check_zap_request(const zmtp::mechanism& m, const std::string& hello) {
    const zmtp::frame_list& request = m.zap_request();
    FUZZ_REQUIRE(request.size() == 9);
    FUZZ_REQUIRE(request[0].empty() && request[1] == "1.0" && request[2] == "1" && request[6] == "PLAIN");
    zmtp::bytes again;
    FUZZ_REQUIRE(zmtp::encode_plain_hello(again, request[7], request[8]));
    FUZZ_REQUIRE(std::string(again.begin(), again.end()) == hello);
}

void check_zap_outcome(const zmtp::mechanism& m, const zmtp::frame_list& reply, outcome result,
                       const std::string& sent) {
    const auto verdict = zmtp::parse_zap_reply(reply);
    if (const auto* code = std::get_if<uint32_t>(&verdict)) {
        FUZZ_REQUIRE(result == outcome::failed && sent.empty());
        FUZZ_REQUIRE(m.failure().event == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL && m.failure().value == *code);
        return;
    }
    const int status = std::get<zmtp::zap_reply>(verdict).status;
    if (status == 200) {
        FUZZ_REQUIRE(result == outcome::handshaking && sent == command_named(zmtp::welcome_command));
        return;
    }
    FUZZ_REQUIRE(result == outcome::failed);
    FUZZ_REQUIRE(m.failure().event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    FUZZ_REQUIRE(m.failure().value == static_cast<uint32_t>(status));
    FUZZ_REQUIRE(sent == (status == 300 ? "" : libzmq_refusal_prefix + "\x03" + std::to_string(status)));
}

void check_ready(const zmtp::mechanism& m, int our_type, bool server, const std::string& sent) {
    std::optional<std::string> peer_type;
    for (const auto& [name, value] : m.peer_properties())
        if (name == "Socket-Type" && !peer_type)
            peer_type = value;
    FUZZ_REQUIRE(peer_type && zmtp::compatible(our_type, *peer_type));
    FUZZ_REQUIRE(server == (sent.rfind("\x05READY", 0) == 0));
}

void check_failure(const zmtp::mechanism& m) {
    const int event = m.failure().event;
    FUZZ_REQUIRE(event == 0 || event == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL ||
                 event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH || event == ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
}

class driver {
public:
    explicit driver(uint8_t role) : server_(role & 1), type_((role >> 1) % socket_type_count) {
        zmtp::our_properties us;
        us.socket_type = type_;
        us.peer_address = "192.0.2.1";
        us.zap_domain = "fuzz";
        if (server_)
            mechanism_ = std::make_unique<zmtp::plain_server>(us);
        else
            mechanism_ = std::make_unique<zmtp::plain_client>(us, "user", "password");
        zmtp::bytes out;
        state_ = mechanism_->start(out);
        FUZZ_REQUIRE(server_ ? out.empty() : !only_command(out).empty());
    }

    bool finished() const { return state_ == outcome::failed || state_ == outcome::ready; }

    // One event; the engine never hands a command while ZAP is asked, nor
    // a reply when it is not.
    void take(uint8_t kind, byte_span payload) {
        const bool zap_event = kind % 4 >= 2;
        if (zap_event != (state_ == outcome::awaiting_zap))
            return;
        zmtp::bytes out;
        if (kind % 4 == 3) {
            state_ = mechanism_->no_zap_handler(out);
            FUZZ_REQUIRE(state_ == outcome::failed && out.empty());
            FUZZ_REQUIRE(mechanism_->failure().value == static_cast<uint32_t>(EFAULT));
        } else if (zap_event) {
            const zmtp::frame_list reply = frames_of(payload);
            state_ = mechanism_->take_zap_reply(reply, out);
            check_zap_outcome(*mechanism_, reply, state_, only_command(out));
        } else {
            state_ = mechanism_->take_command(payload, out);
            check_answer(text(payload), only_command(out));
        }
        if (state_ == outcome::failed)
            check_failure(*mechanism_);
    }

private:
    void check_answer(const std::string& command, const std::string& sent) {
        FUZZ_REQUIRE(state_ != outcome::awaiting_zap || (server_ && sent.empty()));
        if (state_ == outcome::awaiting_zap) {
            const auto parsed = zmtp::parse_command({reinterpret_cast<const uint8_t*>(command.data()), command.size()});
            FUZZ_REQUIRE(parsed && parsed->name == zmtp::hello_command);
            check_zap_request(*mechanism_, command);
        }
        if (state_ == outcome::ready)
            check_ready(*mechanism_, type_, server_, sent);
    }

    bool server_;
    int type_;
    std::unique_ptr<zmtp::mechanism> mechanism_;
    outcome state_ = outcome::handshaking;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    driver plain(input.take_byte());
    byte_span events = input.rest();
    while (!events.empty() && !plain.finished()) {
        const uint8_t kind = events[0];
        const size_t length = events.size() > 1 ? std::min<size_t>(events[1], events.size() - 2) : 0;
        plain.take(kind, events.subspan(std::min<size_t>(2, events.size()), length));
        events = events.subspan(std::min(events.size(), 2 + length));
    }
    return 0;
}
