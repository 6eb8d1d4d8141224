// Fuzz target: a whole NULL-mechanism connection start as a byte stream,
// for a peer of any version: greeting, then READY (3.x) or the identity
// frame (1.0/2.0), then traffic.
//
// It drives the sans-I/O pieces the engine (src/transport/stream_engine*)
// uses, in the engine's order, over one stream: greeting_exchange, the
// frame decoder in the peer's framing from the byte after its greeting
// (for a 1.0 peer without a greeting, from the bytes the greeting parser
// took), the real NULL mechanism with the peer's handshake commands, then
// PING/SUBSCRIBE/CANCEL/ERROR and messages. It checks what crosses those
// seams: the greeting parser hands over exactly the bytes it took, our own
// READY parses back, the mechanism is ready only with a compatible peer
// (and the socket-type check is symmetric), refuses with an ERROR that
// parses, a PONG answers a PING with its context, and no frame exceeds the
// limit in force (the handshake's 64 KiB cap, then ZMQ_MAXMSGSIZE).
//
// Input: [max read size] [our socket type] [max message size selector]
// then the peer's bytes.
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/socket_type_table.hpp"
#include "zmtp/commands.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/greeting_exchange.hpp"
#include "zmtp/null_mechanism.hpp"

#include <zmq.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace {

using zmx::fuzz::byte_span;
namespace zmtp = zmx::zmtp;

constexpr int socket_type_count = ZMQ_CHANNEL + 1;  // PAIR (0) to CHANNEL (20), drafts included
const std::string our_routing_id = "fuzz";

std::string_view socket_type_of(const zmtp::property_list& properties) {
    for (const auto& [name, value] : properties)
        if (name == "Socket-Type")
            return value;
    return {};
}

zmtp::our_properties ourselves(int type) {
    zmtp::our_properties us;
    us.socket_type = type;
    us.announce_routing_id = true;
    us.routing_id = our_routing_id;
    return us;
}

// The one command frame of `framed` (no more, no less), or nullopt.
std::optional<zmx::msg> only_command(const zmtp::bytes& framed) {
    zmtp::decoder decoder;
    size_t consumed = 0;
    if (decoder.decode(framed, consumed) != zmtp::decoder::result::command || consumed != framed.size())
        return std::nullopt;
    zmx::msg body;
    body.init();
    decoder.frame().move_to(body);
    return body;
}

// Our READY, as the mechanism starts with it, reads back as what we announce.
void check_our_ready(int type) {
    zmtp::null_mechanism mechanism(ourselves(type));
    zmtp::bytes framed;
    FUZZ_REQUIRE(mechanism.start(framed) == zmtp::null_mechanism::outcome::handshaking);
    auto body = only_command(framed);
    FUZZ_REQUIRE(body);
    const auto command = zmtp::parse_command({static_cast<const uint8_t*>(body->data()), body->size()});
    FUZZ_REQUIRE(command && command->name == zmtp::ready_command);
    const auto properties = zmtp::parse_properties(command->data);
    FUZZ_REQUIRE(properties && *properties == zmtp::announcement(ourselves(type)));
    body->close();
}

// A peer we accept would accept us: compatibility is symmetric.
void check_compatibility_is_symmetric(int type, std::string_view peer_name) {
    if (!zmtp::compatible(type, peer_name))
        return;
    bool peer_accepts_us = false;
    for (int peer_type = 0; peer_type < socket_type_count; ++peer_type)
        if (zmtp::socket_type_name(peer_type) == peer_name)
            peer_accepts_us = zmtp::compatible(peer_type, zmtp::socket_type_name(type));
    FUZZ_REQUIRE(peer_accepts_us);
}

void check_pong_answers(const zmtp::ping& ping) {
    zmtp::bytes pong;
    FUZZ_REQUIRE(zmtp::encode_pong(pong, ping.context));
    const auto command = zmtp::parse_command(pong);
    FUZZ_REQUIRE(command && command->name == zmtp::pong_command);
    const auto context = zmtp::parse_pong(command->data);
    FUZZ_REQUIRE(context && zmx::fuzz::same_bytes(*context, ping.context));
}

class null_handshake {
public:
    enum class stage { greeting, handshake, legacy_identity, active, ended };

    null_handshake(int type, int64_t max_message_size)
        : type_(type),
          max_message_size_(max_message_size),
          limit_(max_message_size >= 0 ? std::min(max_message_size, zmtp::handshake_frame_limit)
                                       : zmtp::handshake_frame_limit),
          exchange_({"NULL", false, static_cast<uint8_t>(type), our_routing_id}),
          decoder_(limit_),
          mechanism_(ourselves(type)) {}

    stage current() const { return stage_; }

    // Takes bytes of one read (as many as it can use); returns how many.
    size_t feed(byte_span offered) {
        size_t consumed = 0;
        if (stage_ == stage::greeting && !feed_greeting(offered, consumed))
            return consumed;
        return consumed + feed_frames(offered.subspan(consumed));
    }

private:
    // False while the greeting is not complete, or if the connection ended.
    bool feed_greeting(byte_span offered, size_t& consumed) {
        zmtp::bytes to_send;
        const size_t before = consumed;
        const auto status = exchange_.feed(offered, consumed, to_send);
        greeting_bytes_ += consumed - before;
        FUZZ_REQUIRE(exchange_.received().size() == greeting_bytes_);
        if (status == zmtp::greeting_exchange::status::need_more)
            return false;
        FUZZ_REQUIRE(status == zmtp::greeting_exchange::status::complete);  // NULL refuses no one
        const auto& peer = exchange_.peer();
        if (peer.version == zmtp::peer_version::zmtp3) {
            stage_ = peer.mechanism == "NULL" ? stage::handshake : stage::ended;
            return stage_ != stage::ended;
        }
        framing_ = peer.version == zmtp::peer_version::zmtp2 ? zmtp::framing::zmtp2 : zmtp::framing::zmtp1;
        decoder_.use_framing(framing_);
        stage_ = stage::legacy_identity;
        if (peer.version == zmtp::peer_version::zmtp1_unversioned) {
            // The bytes that told the version start the identity frame.
            feed_frames(exchange_.received());
        }
        return stage_ != stage::ended;
    }

    size_t feed_frames(byte_span offered) {
        size_t consumed = 0;
        while (consumed < offered.size() && stage_ != stage::ended) {
            const auto outcome = decoder_.decode(offered.subspan(consumed), consumed);
            if (outcome == zmtp::decoder::result::need_more)
                FUZZ_REQUIRE(consumed == offered.size());
            else if (outcome == zmtp::decoder::result::error)
                stage_ = stage::ended;
            else
                on_frame(outcome, decoder_.frame());
        }
        return consumed;
    }

    void on_frame(zmtp::decoder::result outcome, const zmx::msg& frame) {
        FUZZ_REQUIRE(limit_ < 0 || frame.size() <= static_cast<uint64_t>(limit_));
        if (outcome == zmtp::decoder::result::command)
            on_command(frame);
        else if (stage_ == stage::legacy_identity)
            become_active();  // the peer's identity frame: its routing id
        else if (stage_ != stage::active)
            stage_ = stage::ended;  // data before the handshake finished
    }

    void become_active() {
        stage_ = stage::active;
        limit_ = max_message_size_;
        decoder_.set_max_message_size(limit_);
    }

    void on_command(const zmx::msg& body) {
        if (framing_ != zmtp::framing::zmtp3)
            return;  // 2.0 has no commands: such frames are dropped
        const zmtp::byte_view bytes(static_cast<const uint8_t*>(body.data()), body.size());
        if (stage_ == stage::handshake) {
            on_handshake_command(bytes);
            return;
        }
        const auto command = zmtp::parse_command(bytes);
        if (!command)
            stage_ = stage::ended;
        else
            on_active_command(*command);
    }

    void on_handshake_command(zmtp::byte_view body) {
        zmtp::bytes answer;
        const auto outcome = mechanism_.take_command(body, answer);
        FUZZ_REQUIRE(outcome != zmtp::null_mechanism::outcome::handshaking);  // NULL takes one command
        if (outcome == zmtp::null_mechanism::outcome::ready) {
            FUZZ_REQUIRE(answer.empty());
            const std::string_view peer_type = socket_type_of(mechanism_.peer_properties());
            FUZZ_REQUIRE(zmtp::compatible(type_, peer_type));
            check_compatibility_is_symmetric(type_, peer_type);
            become_active();
            return;
        }
        stage_ = stage::ended;
        if (!answer.empty()) {  // a refusal: one ERROR command
            auto error = only_command(answer);
            FUZZ_REQUIRE(error);
            const auto command = zmtp::parse_command({static_cast<const uint8_t*>(error->data()), error->size()});
            FUZZ_REQUIRE(command && command->name == zmtp::error_command && zmtp::parse_error(command->data));
            error->close();
        }
    }

    void on_active_command(const zmtp::command_view& command) {
        if (command.name == zmtp::ping_command) {
            if (const auto ping = zmtp::parse_ping(command.data))
                check_pong_answers(*ping);
        } else if (command.name == zmtp::subscribe_command || command.name == zmtp::cancel_command) {
            zmx::msg subscription;
            subscription.init();
            const bool subscribe = command.name == zmtp::subscribe_command;
            FUZZ_REQUIRE(zmtp::subscription_message(subscription, subscribe, command.data) == 0);
            subscription.close();
        } else if (command.name == zmtp::error_command) {
            stage_ = stage::ended;
        }
    }

    int type_;
    int64_t max_message_size_;
    int64_t limit_;  // the limit in force: the handshake's, then max_message_size_
    stage stage_ = stage::greeting;
    size_t greeting_bytes_ = 0;
    zmtp::framing framing_ = zmtp::framing::zmtp3;
    zmtp::greeting_exchange exchange_;
    zmtp::decoder decoder_;
    zmtp::null_mechanism mechanism_;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    zmx::fuzz::input_reader input({data, size});
    const uint8_t max_read = input.take_byte();
    const int type = input.take_byte() % socket_type_count;
    const int64_t max_message_size = zmx::fuzz::max_message_size_from(input.take_byte());
    check_our_ready(type);

    null_handshake connection(type, max_message_size);
    zmx::fuzz::chunked_stream reads(input.rest(), max_read);
    while (!reads.at_end() && connection.current() != null_handshake::stage::ended) {
        const byte_span offered = reads.pending();
        const size_t consumed = connection.feed(offered);
        FUZZ_REQUIRE(consumed == offered.size() || connection.current() == null_handshake::stage::ended);
        reads.consume(consumed);
    }
    return 0;
}
