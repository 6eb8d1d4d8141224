#include "socket_options.hpp"

#include <zmq.h>

#include <algorithm>

namespace zmx_broker {

namespace {

using spec = option_spec;

const std::vector<option_spec>& option_table() {
    static const std::vector<option_spec> table{
        {"sndhwm", ZMQ_SNDHWM, spec::integer},
        {"rcvhwm", ZMQ_RCVHWM, spec::integer},
        {"linger", ZMQ_LINGER, spec::integer, -1},
        {"maxmsgsize", ZMQ_MAXMSGSIZE, spec::integer64, -1, INT64_MAX},
        {"routing_id", ZMQ_ROUTING_ID, spec::bytes},
        {"immediate", ZMQ_IMMEDIATE, spec::boolean},
        {"conflate", ZMQ_CONFLATE, spec::boolean, 0, 1, {ZMQ_DEALER, ZMQ_PULL, ZMQ_PUSH}},
        {"ipv6", ZMQ_IPV6, spec::boolean},
        {"sndbuf", ZMQ_SNDBUF, spec::integer, -1},
        {"rcvbuf", ZMQ_RCVBUF, spec::integer, -1},
        {"backlog", ZMQ_BACKLOG, spec::integer},
        {"reconnect_ivl", ZMQ_RECONNECT_IVL, spec::integer, -1},
        {"reconnect_ivl_max", ZMQ_RECONNECT_IVL_MAX, spec::integer},
        {"connect_timeout", ZMQ_CONNECT_TIMEOUT, spec::integer},
        {"handshake_ivl", ZMQ_HANDSHAKE_IVL, spec::integer},
        {"heartbeat_ivl", ZMQ_HEARTBEAT_IVL, spec::integer},
        {"heartbeat_ttl", ZMQ_HEARTBEAT_TTL, spec::integer},
        {"heartbeat_timeout", ZMQ_HEARTBEAT_TIMEOUT, spec::integer},
        {"tcp_keepalive", ZMQ_TCP_KEEPALIVE, spec::integer, -1, 1},
        {"tcp_keepalive_cnt", ZMQ_TCP_KEEPALIVE_CNT, spec::integer, -1},
        {"tcp_keepalive_idle", ZMQ_TCP_KEEPALIVE_IDLE, spec::integer, -1},
        {"tcp_keepalive_intvl", ZMQ_TCP_KEEPALIVE_INTVL, spec::integer, -1},
        {"tcp_maxrt", ZMQ_TCP_MAXRT, spec::integer},
        {"tos", ZMQ_TOS, spec::integer},
        {"probe_router", ZMQ_PROBE_ROUTER, spec::boolean, 0, 1, {ZMQ_ROUTER, ZMQ_DEALER}},
        {"router_handover", ZMQ_ROUTER_HANDOVER, spec::boolean, 0, 1, {ZMQ_ROUTER}},
        {"xpub_verbose", ZMQ_XPUB_VERBOSE, spec::boolean, 0, 1, {ZMQ_XPUB}},
        {"xpub_verboser", ZMQ_XPUB_VERBOSER, spec::boolean, 0, 1, {ZMQ_XPUB}},
        {"xpub_nodrop", ZMQ_XPUB_NODROP, spec::boolean, 0, 1, {ZMQ_XPUB}},
        {"xpub_welcome_msg", ZMQ_XPUB_WELCOME_MSG, spec::bytes, 0, 0, {ZMQ_XPUB}},
        // wss:// (draft options): a bind's certificate and key, a connect's
        // trusted authorities and the server name it checks.
        {"wss_cert_file", ZMQ_WSS_CERT_PEM, spec::pem_file},
        {"wss_key_file", ZMQ_WSS_KEY_PEM, spec::pem_file},
        {"wss_trust_file", ZMQ_WSS_TRUST_PEM, spec::pem_file},
        {"wss_trust_system", ZMQ_WSS_TRUST_SYSTEM, spec::boolean},
        {"wss_hostname", ZMQ_WSS_HOSTNAME, spec::bytes},
    };
    return table;
}

}  // namespace

const option_spec* find_option(std::string_view name) {
    const auto& table = option_table();
    const auto found = std::find_if(table.begin(), table.end(), [&](const option_spec& s) { return name == s.name; });
    return found == table.end() ? nullptr : &*found;
}

std::string option_names() {
    std::string names;
    for (const auto& s : option_table())
        names += (names.empty() ? "" : ", ") + std::string(s.name);
    return names;
}

bool option_applies(const option_spec& s, int socket_type) {
    return s.applies_to.empty() ||
           std::find(s.applies_to.begin(), s.applies_to.end(), socket_type) != s.applies_to.end();
}

bool apply_option(void* socket, const option_setting& setting) {
    const int id = setting.spec->id;
    switch (setting.spec->kind) {
    case spec::integer: {
        const int value = static_cast<int>(std::get<int64_t>(setting.value));
        return zmq_setsockopt(socket, id, &value, sizeof value) == 0;
    }
    case spec::integer64: {
        const int64_t value = std::get<int64_t>(setting.value);
        return zmq_setsockopt(socket, id, &value, sizeof value) == 0;
    }
    case spec::boolean: {
        const int value = std::get<bool>(setting.value) ? 1 : 0;
        return zmq_setsockopt(socket, id, &value, sizeof value) == 0;
    }
    case spec::bytes:
    case spec::pem_file: {
        const std::string& value = std::get<std::string>(setting.value);
        return zmq_setsockopt(socket, id, value.data(), value.size()) == 0;
    }
    }
    return false;
}

}  // namespace zmx_broker
