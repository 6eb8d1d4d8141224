// A security mechanism's handshake (RFC 23, "Authentication and
// Confidentiality"), sans I/O: after the greeting, the engine hands it each
// command the peer sends and writes out what it appends; the mechanism says
// when the connection is ready, with the peer's properties, or why it
// failed. NULL, PLAIN and CURVE are each one such state machine; the engine
// never names one.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/commands.hpp"
#include "zmtp/frame_sealer.hpp"
#include "zmtp/zap.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace zmx::zmtp {

// What the socket tells the handshake about itself.
struct our_properties {
    int socket_type = 0;          // announced by name and checked against the peer's
    bool announce_routing_id = false;
    std::string routing_id;       // the Identity property, when announced
    property_list metadata;       // the application's "X-" properties (ZMQ_METADATA)
    std::string peer_address;     // the peer's address without port, for ZAP
    std::string zap_domain;       // ZMQ_ZAP_DOMAIN
    bool zap_enforce_domain = false;
};

// Why a handshake failed, as the monitor hears it. A failure the peer
// caused by refusing us (an ERROR command), or that we answered with an
// ERROR of our own, is reported as a disconnection only (event 0), as
// libzmq reports it; a broken protocol as HANDSHAKE_FAILED_PROTOCOL.
struct handshake_failure {
    int event = 0;       // ZMQ_EVENT_HANDSHAKE_FAILED_*, or 0
    uint32_t value = 0;  // its value: a ZMQ_PROTOCOL_ERROR_* code
};

class mechanism {
public:
    enum class outcome {
        handshaking,  // more commands to come
        ready,        // peer_properties() holds what the peer announced
        failed,       // failure() says why; anything appended is the last word
        // The mechanism asks the ZAP handler: the engine hands zap_request()
        // to it and answers with take_zap_reply(), or no_zap_handler() when
        // none is bound. Commands from the peer wait meanwhile.
        awaiting_zap,
    };

    virtual ~mechanism() = default;

    // The mechanism's name in the greeting ("NULL", "PLAIN", "CURVE").
    virtual std::string_view name() const = 0;
    // Appends the framed commands that open our side of the handshake.
    virtual outcome start(bytes& out) = 0;
    // The body of the peer's next command frame: appends the framed
    // commands to send in answer.
    virtual outcome take_command(byte_view body, bytes& out) = 0;

    // The ZAP handler's reply to zap_request().
    outcome take_zap_reply(const frame_list& reply, bytes& out);
    // No handler is bound at inproc://zeromq.zap.01.
    virtual outcome no_zap_handler(bytes& out) = 0;

    const frame_list& zap_request() const { return zap_request_; }
    // With the User-Id and the metadata a ZAP handler gave, if one did.
    const property_list& peer_properties() const { return peer_; }
    const handshake_failure& failure() const { return failure_; }
    // Once ready: what seals the frames that follow (CURVE's MESSAGE
    // commands), or nullptr when they go as they are.
    virtual frame_sealer* sealer() { return nullptr; }

protected:
    // Asks the ZAP handler about the peer; outcome::awaiting_zap.
    outcome ask_zap(const our_properties& us, std::string_view mechanism, frame_list credentials);
    // The handler said 200: the mechanism carries on.
    virtual outcome zap_approved(bytes& out) = 0;
    // The ERROR that tells the peer the handler's status code.
    virtual void append_refusal(bytes& out, std::string_view status) const;
    // A peer's ERROR: its reason, when a ZAP status code, is reported as
    // HANDSHAKE_FAILED_AUTH (libzmq's client side); else as a
    // disconnection only. malformed_error if the body is not an ERROR's.
    outcome peer_refused(byte_view data);
    // Records the peer's properties; outcome::ready.
    outcome succeed(property_list peer);
    // Records why; outcome::failed.
    outcome fail(int event, uint32_t value);
    // Appends an ERROR command with reason; outcome::failed, reported as a
    // disconnection only.
    outcome refuse(std::string_view reason, bytes& out);
    // The socket-type check of READY (or INITIATE) properties: the peer's
    // properties, or a failure (a malformed body, or a peer type we may not
    // talk to) with what to send appended.
    outcome check_peer_properties(byte_view data, int our_type, uint32_t malformed_error, bytes& out);

private:
    frame_list zap_request_;
    property_list zap_properties_;  // User-Id and the handler's metadata
    property_list peer_;
    handshake_failure failure_;
};

// The command body of a READY (or INITIATE) announcing us.
property_list announcement(const our_properties& us);

} // namespace zmx::zmtp
