// What a session drives over one connected descriptor: the ZMTP engine
// (stream_engine) for every socket type but STREAM, the raw engine
// (raw_engine) for STREAM. The session neither knows nor cares which.
//
// Threading: the I/O thread of its session, for every member.
#pragma once

#include "base/msg.hpp"
#include "transport/event_sink.hpp"
#include "zmtp/commands.hpp"
#include "zmtp/zap.hpp"

#include <cstddef>
#include <string>

namespace zmx {

class engine {
public:
    // What an engine tells its session.
    class events {
    public:
        // The connection is ready for messages; the peer announced these
        // properties (none for a raw peer).
        virtual void engine_ready(const zmtp::property_list& peer) = 0;
        // A message frame arrived: false when it cannot be taken now (the
        // pipe is full); the engine then pauses until resume_input().
        virtual bool engine_received(msg& frame) = 0;
        // The messages of one read have all been handed over: the session
        // lets the socket see them now, with one wake-up for the batch.
        virtual void engine_input_done() = 0;
        // What was queued earlier has all been written (after a wait for
        // the descriptor to become writable).
        virtual void engine_drained() = 0;
        // The connection is gone; the engine has closed its descriptor.
        // protocol_error: the peer broke the protocol, refused us (an
        // ERROR command) or is of an incompatible type; libzmq does not
        // connect to it again, unlike after a lost connection or timeout.
        virtual void engine_failed(bool protocol_error) = 0;
        // The handshake asks the ZAP handler (inproc://zeromq.zap.01):
        // false when none is bound. The reply comes back by zap_reply().
        virtual bool engine_zap_request(const zmtp::frame_list& request) = 0;

    protected:
        ~events() = default;
    };

    virtual ~engine() = default;

    virtual void start() = 0;
    // The session lets go: close the descriptor now, tell nobody. The
    // engine may be inside a call to its session; it returns quietly.
    virtual void stop() = 0;
    // Messages may be sent (the handshake, if any, is done).
    virtual bool active() const = 0;
    // Queues a message frame for the peer (m is left empty); flush() writes.
    virtual void send(msg& m) = 0;
    virtual void flush() = 0;
    // Bytes queued and not yet written.
    virtual size_t buffered() const = 0;
    // The pipe has room again: deliver what was held back, read on.
    virtual void resume_input() = 0;
    // The ZAP handler's reply to engine_zap_request().
    virtual void zap_reply(const zmtp::frame_list& /*reply*/) {}
    virtual const std::string& peer_address() const = 0;
    virtual int fd() const = 0;
    // The connection's two ends, as its monitor events name them.
    virtual const endpoint_pair& endpoints() const = 0;
};

} // namespace zmx
