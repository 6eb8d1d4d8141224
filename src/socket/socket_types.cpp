#include "socket/socket_types.hpp"

#include "socket/context.hpp"
#include "socket/stream.hpp"

namespace zmx {

socket_base* make_socket(context& ctx, int type) {
    switch (type) {
    case ZMQ_PAIR: return make_pair(ctx);
    case ZMQ_PUB: return make_pub(ctx);
    case ZMQ_SUB: return make_sub(ctx);
    case ZMQ_XPUB: return make_xpub(ctx);
    case ZMQ_XSUB: return make_xsub(ctx);
    case ZMQ_REQ: return make_req(ctx);
    case ZMQ_REP: return make_rep(ctx);
    case ZMQ_DEALER: return make_dealer(ctx);
    case ZMQ_ROUTER: return make_router(ctx);
    case ZMQ_PUSH: return make_push(ctx);
    case ZMQ_PULL: return make_pull(ctx);
    case ZMQ_STREAM: return make_stream(ctx);
    case ZMQ_CLIENT: return make_client(ctx);
    case ZMQ_SERVER: return make_server(ctx);
    case ZMQ_SCATTER: return make_scatter(ctx);
    case ZMQ_GATHER: return make_gather(ctx);
    case ZMQ_PEER: return make_peer(ctx);
    case ZMQ_CHANNEL: return make_channel(ctx);
    case ZMQ_RADIO: return make_radio(ctx);
    case ZMQ_DISH: return make_dish(ctx);
    case ZMQ_DGRAM: return make_dgram(ctx);
    default: return nullptr;
    }
}

bool is_thread_safe_type(int type) {
    switch (type) {
    case ZMQ_CLIENT:
    case ZMQ_SERVER:
    case ZMQ_RADIO:
    case ZMQ_DISH:
    case ZMQ_SCATTER:
    case ZMQ_GATHER:
    case ZMQ_PEER:
    case ZMQ_CHANNEL:
        return true;
    default:
        return false;
    }
}

bool cannot_send(int type) { return type == ZMQ_DISH || type == ZMQ_GATHER; }

void send_probe(pipe& p) {
    msg probe;
    probe.init();
    if (!p.write(probe))
        probe.close();
}

} // namespace zmx
