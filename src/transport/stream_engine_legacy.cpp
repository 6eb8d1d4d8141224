// stream_engine's legacy path: a ZMTP 1.0 or 2.0 peer, spoken to as libzmq
// 4.3 speaks to one. Once the greeting is done (greeting_exchange has sent
// our identity frame), the peer's first message frame is its identity: the
// routing id a ROUTER knows it by. There is no READY, so no metadata and no
// socket-type check (libzmq checks none), and 2.0 command frames are
// dropped. The monitor sees no HANDSHAKE_SUCCEEDED, as with libzmq. A ws
// peer on bare "ZWS2.0" ends here too (stream_engine_ws.cpp): its first
// message is its routing id in the same way.
#include "transport/stream_engine.hpp"

#include <string>

namespace zmx {

bool stream_engine::start_legacy() {
    const auto version = greeting_.peer().version;
    framing_ = version == zmtp::peer_version::zmtp2 ? zmtp::framing::zmtp2 : zmtp::framing::zmtp1;
    decoder_.use_framing(framing_);
    state_ = state::legacy_identity;
    if (version == zmtp::peer_version::zmtp1_unversioned) {
        // The bytes that told us the version were the start of its identity
        // frame: they go back in front of the rest of this read.
        const auto start = greeting_.received();
        in_.put_back(start);
    }
    flush();  // our socket type and identity frame
    return !stopped();
}

bool stream_engine::take_legacy_identity(msg& frame) {
    const zmtp::property_list peer{{"Identity", std::string(static_cast<const char*>(frame.data()), frame.size())}};
    frame.close();
    state_ = state::active;
    cancel_handshake_timer();
    decoder_.set_max_message_size(link_.maxmsgsize);
    if (ws_) {
        // bare ZWS 2.0: the ws limits and heartbeats of any ws connection
        ws_->decoder().set_max_message_size(link_.maxmsgsize);
        heartbeat_.start();
    }
    sink_.engine_ready(peer);
    if (stopped())
        return false;  // the session stopped us
    // A 1.0 subscriber filters for itself and sends no subscriptions:
    // libzmq subscribes it to everything on its behalf.
    if (link_.subscribes_zmtp1_peers && greeting_.peer().version == zmtp::peer_version::zmtp1_unversioned)
        return pass_subscription(true, {});
    return true;
}

} // namespace zmx
