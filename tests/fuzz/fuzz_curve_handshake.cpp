// Fuzz target: the CURVE mechanism (src/zmtp/curve_*) as client and
// server, and its MESSAGE sealing, with fixed long-term keys and a
// deterministic random source (libsodium's, replaced for this program
// only), so that an input always replays the same way.
//
// Input: [mode] then the rest, by mode % 3:
//   0  tamper: a real client and server shake hands; before each command
//      passes, an input byte may flip one of its bits or cut it short; a
//      ZAP request is answered 200, 400 or "no handler" as the input says.
//      Once both are ready, messages of the input's choosing go both ways,
//      each passed as it is, altered, cut, replayed or dropped. Checked:
//      an intact message opens to what was sealed, flags and all; an
//      altered, cut or replayed one is refused.
//   1  hostile client: the rest is command bodies ([2-byte size][bytes])
//      handed to a server.
//   2  hostile server: the same, to a client after its HELLO.
// Checked throughout: no crash, failures carry a monitor event, ZAP is
// asked only with the client's real key, and a hostile peer (who has no
// key of ours) never gets a handshake through.
#include "fuzz_support.hpp"

#include "base/msg.hpp"
#include "zmtp/curve_client.hpp"
#include "zmtp/curve_crypto.hpp"
#include "zmtp/curve_server.hpp"
#include "zmtp/decoder.hpp"
#include "zmtp/encoder.hpp"

#include <sodium.h>
#include <zmq.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace {

using zmx::fuzz::byte_span;
namespace zmtp = zmx::zmtp;
namespace curve = zmx::zmtp::curve;
using outcome = zmtp::mechanism::outcome;

// ---------------------------------------------------------------- randomness

uint64_t random_state = 1;

uint64_t next_random() {  // xorshift64*: repeatable, not secure, fuzzing only
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return random_state * 0x2545F4914F6CDD1Dull;
}

void deterministic_buf(void* out, size_t size) {
    auto* bytes = static_cast<uint8_t*>(out);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<uint8_t>(next_random() >> 56);
}

uint32_t deterministic_random() { return static_cast<uint32_t>(next_random() >> 32); }
const char* deterministic_name() { return "zmx-fuzz"; }

randombytes_implementation deterministic_source = {
    deterministic_name, deterministic_random, nullptr, nullptr, deterministic_buf, nullptr};

// Installed before anything starts libsodium, which must not have happened yet.
const bool source_installed = randombytes_set_implementation(&deterministic_source) == 0;

// ---------------------------------------------------------------- keys

struct keys {
    zmtp::security_options client, server;
};

keys fixed_keys() {
    curve::key client_secret{}, server_secret{};
    client_secret.fill(0x11);
    server_secret.fill(0x22);
    const auto text = [](const curve::key& k) { return std::string(k.begin(), k.end()); };
    keys k;
    k.client.mechanism = k.server.mechanism = zmtp::mechanism_kind::curve;
    k.server.as_server = true;
    k.server.curve_secret_key = text(server_secret);
    k.client.curve_secret_key = text(client_secret);
    k.client.curve_public_key = text(curve::public_key_of(client_secret));
    k.client.curve_server_key = text(curve::public_key_of(server_secret));
    return k;
}

zmtp::our_properties properties_of(int type) {
    zmtp::our_properties us;
    us.socket_type = type;
    us.peer_address = "192.0.2.1";
    return us;
}

// ---------------------------------------------------------------- frames

struct frame {
    std::vector<uint8_t> body;
    bool command = false;
};

// The frames a mechanism or sealer appended, taken apart again.
std::deque<frame> frames_in(const zmtp::bytes& wire) {
    std::deque<frame> frames;
    zmtp::decoder decoder;
    size_t offset = 0;
    while (offset < wire.size()) {
        size_t consumed = 0;
        const auto result = decoder.decode(byte_span(wire).subspan(offset), consumed);
        offset += consumed;
        FUZZ_REQUIRE(result == zmtp::decoder::result::message || result == zmtp::decoder::result::command);
        const auto* data = static_cast<const uint8_t*>(decoder.frame().data());
        frames.push_back({{data, data + decoder.frame().size()}, result == zmtp::decoder::result::command});
    }
    return frames;
}

// Alters a body as the decision byte says; false if it passes intact.
bool tamper(std::vector<uint8_t>& body, uint8_t decision, uint8_t where) {
    if (body.empty() || decision < 0xC0)
        return false;
    if (decision < 0xE0)
        body[where % body.size()] ^= static_cast<uint8_t>(1u << (decision % 8));
    else
        body.resize(where % body.size());
    return true;
}

void check_failure(const zmtp::mechanism& m) {
    const int event = m.failure().event;
    FUZZ_REQUIRE(event == 0 || event == ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL ||
                 event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH || event == ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
}

// ---------------------------------------------------------------- tamper mode

class tamper_run {
public:
    explicit tamper_run(zmx::fuzz::input_reader& input)
        : input_(input), keys_(fixed_keys()),
          client_(properties_of(ZMQ_DEALER), keys_.client), server_(properties_of(ZMQ_ROUTER), keys_.server) {}

    void run() {
        zmtp::bytes out;
        client_state_ = client_.start(out);
        server_state_ = server_.start(out);  // a server opens with nothing
        to_server_ = frames_in(out);
        for (int step = 0; step < 16 && !finished(); ++step) {
            deliver(to_server_, server_, server_state_, to_client_);
            answer_zap();
            deliver(to_client_, client_, client_state_, to_server_);
        }
        if (client_state_ == outcome::ready && server_state_ == outcome::ready)
            exchange_messages();
    }

private:
    bool finished() const {
        const auto done = [](outcome o) { return o == outcome::failed || o == outcome::ready; };
        return (client_state_ == outcome::failed || server_state_ == outcome::failed) ||
               (done(client_state_) && done(server_state_)) ||
               (to_server_.empty() && to_client_.empty() && server_state_ != outcome::awaiting_zap);
    }

    void deliver(std::deque<frame>& queue, zmtp::mechanism& to, outcome& state, std::deque<frame>& replies) {
        if (state == outcome::awaiting_zap || state == outcome::failed || state == outcome::ready)
            return;
        for (; !queue.empty(); queue.pop_front()) {
            frame& f = queue.front();
            tamper(f.body, input_.take_byte(), input_.take_byte());
            zmtp::bytes out;
            state = to.take_command(f.body, out);
            for (auto& reply : frames_in(out))
                replies.push_back(std::move(reply));
            if (state == outcome::failed)
                check_failure(to);
            if (state != outcome::handshaking)
                break;
        }
    }

    void answer_zap() {
        if (server_state_ != outcome::awaiting_zap)
            return;
        const zmtp::frame_list& request = server_.zap_request();
        FUZZ_REQUIRE(request.size() == 8 && request[6] == "CURVE" && request[7] == keys_.client.curve_public_key);
        zmtp::bytes out;
        const uint8_t choice = input_.take_byte() % 3;
        if (choice == 2)
            server_state_ = server_.no_zap_handler(out);
        else
            server_state_ = server_.take_zap_reply({"", "1.0", "1", choice == 0 ? "200" : "400", "", "user", ""}, out);
        FUZZ_REQUIRE((choice == 1) == (server_state_ == outcome::failed));
        for (auto& reply : frames_in(out))
            to_client_.push_back(std::move(reply));
    }

    // Messages both ways through the sealers, as the input chooses them.
    void exchange_messages() {
        zmtp::frame_sealer* client = client_.sealer();
        zmtp::frame_sealer* server = server_.sealer();
        FUZZ_REQUIRE(client && server);
        std::vector<uint8_t> last;
        for (int i = 0; i < 32 && !input_.rest().empty(); ++i) {
            const uint8_t control = input_.take_byte();
            const bool upstream = control & 1;
            if (!pass_one(upstream ? *client : *server, upstream ? *server : *client, control, last))
                return;  // a refused frame ends the connection
        }
    }

    bool pass_one(zmtp::frame_sealer& from, zmtp::frame_sealer& to, uint8_t control, std::vector<uint8_t>& last) {
        const uint8_t flags = (control >> 1) & (zmtp::more_flag | zmtp::command_flag);
        const size_t size = input_.take_byte();
        std::vector<uint8_t> body(input_.rest().begin(), input_.rest().begin() + std::min(size, input_.rest().size()));
        for (size_t n = 0; n < body.size(); ++n)
            input_.take_byte();
        zmtp::bytes wire;
        from.seal(flags, body, wire);
        auto frames = frames_in(wire);
        FUZZ_REQUIRE(frames.size() == 1 && !frames[0].command);
        std::vector<uint8_t> sent = frames[0].body;
        const uint8_t how = input_.take_byte();
        if (how >= 0xF8)
            return true;  // dropped: the next one must still open
        const bool replayed = how >= 0xF0 && !last.empty();
        if (replayed)
            sent = last;
        last = frames[0].body;
        const bool altered = replayed || tamper(sent, how, input_.take_byte());
        zmx::msg m;
        FUZZ_REQUIRE(m.init_copy_of(sent.data(), sent.size()) == 0);
        const auto opened = to.open(m);
        if (altered) {
            FUZZ_REQUIRE(opened == zmtp::frame_sealer::opened::error && to.error() != 0);
        } else {
            FUZZ_REQUIRE(opened == ((flags & zmtp::command_flag) ? zmtp::frame_sealer::opened::command
                                                                 : zmtp::frame_sealer::opened::message));
            FUZZ_REQUIRE(m.has(zmx::msg::more) == bool(flags & zmtp::more_flag));
            const auto* data = static_cast<const uint8_t*>(m.data());
            FUZZ_REQUIRE(std::vector<uint8_t>(data, data + m.size()) == body);
        }
        m.close();
        return !altered;
    }

    zmx::fuzz::input_reader& input_;
    keys keys_;
    zmtp::curve_client client_;
    zmtp::curve_server server_;
    outcome client_state_ = outcome::handshaking;
    outcome server_state_ = outcome::handshaking;
    std::deque<frame> to_server_, to_client_;
};

// ---------------------------------------------------------------- hostile modes

void hostile_peer(zmtp::mechanism& victim, zmx::fuzz::input_reader& input) {
    zmtp::bytes out;
    outcome state = victim.start(out);
    while (state == outcome::handshaking && !input.rest().empty()) {
        const size_t size = size_t{input.take_byte()} << 8 | input.take_byte();
        const byte_span rest = input.rest();
        const byte_span body = rest.first(std::min(size, rest.size()));
        out.clear();
        state = victim.take_command(body, out);
        for (size_t n = 0; n < body.size(); ++n)
            input.take_byte();
    }
    // Without one of our keys no peer can seal what would let it in.
    FUZZ_REQUIRE(state == outcome::handshaking || state == outcome::failed);
    if (state == outcome::failed)
        check_failure(victim);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FUZZ_REQUIRE(source_installed && curve::ready());
    random_state = 0x9E3779B97F4A7C15ull;  // each input sees the same "random" keys and nonces
    zmx::fuzz::input_reader input({data, size});
    const keys k = fixed_keys();
    switch (input.take_byte() % 3) {
    case 0: {
        tamper_run run(input);
        run.run();
        break;
    }
    case 1: {
        zmtp::curve_server server(properties_of(ZMQ_ROUTER), k.server);
        hostile_peer(server, input);
        break;
    }
    default: {
        zmtp::curve_client client(properties_of(ZMQ_DEALER), k.client);
        hostile_peer(client, input);
        break;
    }
    }
    return 0;
}
