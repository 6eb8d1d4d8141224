// A CURVE client written by hand on libsodium (RFC 26), over a raw tcp
// connection: it builds each handshake command and MESSAGE itself, so an
// attacker's test can send them whole, cut, padded, altered or replayed,
// and can put in INITIATE's box whatever metadata it likes. Black-box: it
// needs nothing of zmx, so the same tests run against libzmq.
#pragma once

#include "raw_peer.hpp"
#include "zmtp_bytes.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace ht {

class curve_attacker {
public:
    static constexpr size_t key_size = crypto_box_PUBLICKEYBYTES;

    // Connects to a CURVE server whose long-term public key (32 bytes) is
    // server_key. The attacker's own long-term pair is new.
    curve_attacker(const std::string& endpoint, const std::string& server_key)
        : wire_(endpoint), server_key_(server_key) {
        EXPECT_GE(sodium_init(), 0);
        crypto_box_keypair(bytes_of(long_term_public_), bytes_of(long_term_secret_));
        crypto_box_keypair(bytes_of(short_term_public_), bytes_of(short_term_secret_));
    }

    tt::raw_peer& wire() { return wire_; }

    // Sends our greeting and reads the server's: true when it came whole.
    bool exchange_greetings() {
        constexpr size_t greeting_size = 64;
        return wire_.send_unless_closed(tt::raw_peer::greeting("CURVE")) &&
               wire_.receive(greeting_size).size() == greeting_size;
    }

    // HELLO's body: version 1.0, padding, C', a short nonce and
    // Box[64 zeros](C'->S).
    std::string hello_body() {
        const std::string nonce = next_short_nonce();
        return std::string("\x05HELLO\x01\x00", 8) + std::string(72, '\0') + short_term_public_ + nonce +
               box(std::string(64, '\0'), "CurveZMQHELLO---" + nonce, server_key_, short_term_secret_);
    }

    // Reads WELCOME and opens it: true when it holds S' and a cookie.
    bool take_welcome() {
        const std::optional<std::string> body = read_command();
        const std::string name = "\x07WELCOME";
        if (!body || body->size() != name.size() + 16 + 144 || body->compare(0, name.size(), name) != 0)
            return false;
        const std::optional<std::string> opened =
            unbox(body->substr(24), "WELCOME-" + body->substr(8, 16), server_key_, short_term_secret_);
        if (!opened)
            return false;
        server_short_term_ = opened->substr(0, key_size);
        cookie_ = opened->substr(key_size);
        return true;
    }

    // INITIATE's body with `metadata` in its box, as it is, after C and the
    // vouch: Box[C' + S](C->S') under a "VOUCH---" nonce.
    std::string initiate_body(const std::string& metadata) {
        const std::string vouch_nonce = random_bytes(16);
        const std::string vouch =
            box(short_term_public_ + server_key_, "VOUCH---" + vouch_nonce, server_short_term_, long_term_secret_);
        const std::string nonce = next_short_nonce();
        return "\x08INITIATE" + cookie_ + nonce +
               box(long_term_public_ + vouch_nonce + vouch + metadata, "CurveZMQINITIATE" + nonce,
                   server_short_term_, short_term_secret_);
    }

    // Reads READY and opens it: true when its box opens.
    bool take_ready() {
        const std::optional<std::string> body = read_command();
        const std::string name = "\x05READY";
        if (!body || body->size() < name.size() + 8 || body->compare(0, name.size(), name) != 0)
            return false;
        return unbox(body->substr(14), "CurveZMQREADY---" + body->substr(6, 8), server_short_term_,
                     short_term_secret_)
            .has_value();
    }

    // The whole handshake as a well-behaved client of type socket_type.
    bool shake_hands(const std::string& socket_type) {
        return exchange_greetings() && wire_.send_unless_closed(command_frame(hello_body())) && take_welcome() &&
               wire_.send_unless_closed(command_frame(initiate_body(socket_type_property(socket_type)))) &&
               take_ready();
    }

    // A final message frame sealed in a MESSAGE under the next nonce, as
    // its bytes on the wire: the flags byte (0, a last part) then the body.
    std::string message(const std::string& body) {
        const std::string nonce = next_short_nonce();
        return frame(0, "\x07MESSAGE" + nonce +
                            box(std::string(1, '\0') + body, "CurveZMQMESSAGEC" + nonce, server_short_term_,
                                short_term_secret_));
    }

    // A command frame (short or long) around body.
    static std::string command_frame(const std::string& body) { return frame(command_flag, body); }

    // RFC 37 metadata naming the socket type, as INITIATE carries it.
    static std::string socket_type_property(const std::string& socket_type) {
        return property("Socket-Type", socket_type.size(), socket_type);
    }
    // A property whose value's length field says `claimed`, followed by
    // `value` (which may be shorter).
    static std::string property(const std::string& name, uint32_t claimed, const std::string& value) {
        std::string bytes(1, static_cast<char>(name.size()));
        bytes += name;
        bytes += big_endian(claimed, 4);
        return bytes + value;
    }

private:
    static uint8_t* bytes_of(std::string& s) { return reinterpret_cast<uint8_t*>(s.data()); }
    static const uint8_t* bytes_of(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

    static std::string big_endian(uint64_t value, int size) {
        std::string bytes;
        for (int shift = 8 * (size - 1); shift >= 0; shift -= 8)
            bytes += static_cast<char>((value >> shift) & 0xff);
        return bytes;
    }

    static std::string random_bytes(size_t size) {
        std::string bytes(size, '\0');
        randombytes_buf(bytes.data(), size);
        return bytes;
    }

    static std::string frame(char flags, const std::string& body) {
        if (body.size() <= 255)
            return std::string{flags, static_cast<char>(body.size())} + body;
        return std::string(1, static_cast<char>(flags | long_flag)) + big_endian(body.size(), 8) + body;
    }

    // crypto_box: the MAC then the ciphertext, as every CURVE box is laid out.
    static std::string box(const std::string& plain, const std::string& nonce, const std::string& to_public,
                           const std::string& from_secret) {
        std::string boxed(crypto_box_MACBYTES + plain.size(), '\0');
        EXPECT_EQ(crypto_box_easy(bytes_of(boxed), bytes_of(plain), plain.size(), bytes_of(nonce),
                                  bytes_of(to_public), bytes_of(from_secret)),
                  0);
        return boxed;
    }

    static std::optional<std::string> unbox(const std::string& boxed, const std::string& nonce,
                                            const std::string& from_public, const std::string& to_secret) {
        if (boxed.size() < crypto_box_MACBYTES)
            return std::nullopt;
        std::string plain(boxed.size() - crypto_box_MACBYTES, '\0');
        if (crypto_box_open_easy(bytes_of(plain), bytes_of(boxed), boxed.size(), bytes_of(nonce),
                                 bytes_of(from_public), bytes_of(to_secret)) != 0)
            return std::nullopt;
        return plain;
    }

    // Short nonces count up from 1 through the whole connection (RFC 26).
    std::string next_short_nonce() { return big_endian(++nonce_, 8); }

    // The body of the server's next command frame, if one comes.
    std::optional<std::string> read_command() {
        const std::string header = wire_.receive(2);
        if (header.size() != 2 || !(header[0] & command_flag))
            return std::nullopt;
        size_t size = static_cast<uint8_t>(header[1]);
        if (header[0] & long_flag) {
            const std::string rest = wire_.receive(7);
            if (rest.size() != 7)
                return std::nullopt;
            size = 0;
            for (const char byte : header.substr(1) + rest)
                size = (size << 8) | static_cast<uint8_t>(byte);
        }
        std::string body = wire_.receive(size);
        return body.size() == size ? std::optional(body) : std::nullopt;
    }

    tt::raw_peer wire_;
    std::string server_key_;
    std::string long_term_public_ = std::string(key_size, '\0'), long_term_secret_ = std::string(key_size, '\0');
    std::string short_term_public_ = std::string(key_size, '\0'), short_term_secret_ = std::string(key_size, '\0');
    std::string server_short_term_;
    std::string cookie_;
    uint64_t nonce_ = 0;
};

} // namespace ht
