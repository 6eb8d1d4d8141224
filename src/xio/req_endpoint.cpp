#include "xio/req_endpoint.hpp"

#include "base/error.hpp"
#include "xio/sp_proxy.hpp"
#include "xio/runtime.hpp"
#include "xio/ubuf.hpp"

#include <zmq.h>
#include <zmx.h>

namespace zmx::xio {

namespace {

// FNV-1a over the body's bytes, 64 bits: the key of SP_REQ_CONSISTENT_HASH
// and, folded, of SP_REQ_ULHASH without a function of the caller's.
uint64_t body_hash(const message& body) {
    uint64_t h = 14695981039346656037ull;
    for (const frame& f : body)
        for (unsigned char c : f.bytes()) {
            h ^= c;
            h *= 1099511628211ull;
        }
    return h;
}

std::string big_endian(uint64_t v, int bytes) {
    std::string out;
    for (int i = bytes - 1; i >= 0; --i)
        out += static_cast<char>((v >> (8 * i)) & 0xff);
    return out;
}

// SP_REQ_ULHASH's hash is computed here (it needs the ubuf); the socket's
// user-hash policy is handed its value as a 4-byte key.
uint32_t hash_carried_in_key(const void* key, size_t size, void*) {
    uint32_t h = 0;
    for (size_t i = 0; i < size; ++i)
        h = (h << 8) | static_cast<const unsigned char*>(key)[i];
    return h;
}

int lb_policy_of(int strategy) {
    switch (strategy) {
    case SP_REQ_ULHASH:
        return ZMX_LB_USER_HASH;
    case SP_REQ_CONSISTENT_HASH:
        return ZMX_LB_CONSISTENT_HASH;
    default:
        return ZMX_LB_WEIGHTED;
    }
}

} // namespace

std::shared_ptr<endpoint> req_endpoint::make() {
    void* s = new_zmq_socket(ZMQ_DEALER, 1000);
    if (!s)
        return nullptr;
    const int on = 1;
    const int policy = ZMX_LB_WEIGHTED;
    zmq_setsockopt(s, ZMQ_IMMEDIATE, &on, sizeof on);
    zmq_setsockopt(s, ZMX_LB_POLICY, &policy, sizeof policy);
    return std::shared_ptr<endpoint>(new req_endpoint(s));
}

req_endpoint::req_endpoint(void* socket) : endpoint(SP_REQREP, SP_REQ, socket) {}

// ---------------------------------------------------------------- requests

std::string req_endpoint::key_for(const message& body, ubuf* original) {
    if (strategy_ == SP_REQ_CONSISTENT_HASH)
        return big_endian(body_hash(body), 8);
    if (strategy_ != SP_REQ_ULHASH)
        return {};
    if (!user_hash_)
        return big_endian(static_cast<uint32_t>(body_hash(body)), 4);
    if (original)
        return big_endian(user_hash_(original->data()), 4);
    // A proxy forwards frames: the caller's function is shown them as a ubuf.
    message copy;
    for (const frame& f : body)
        copy.emplace_back(f.bytes());
    ubuf* u = join_frames(copy, 0);
    const uint32_t h = u ? user_hash_(u->data()) : 0;
    if (u)
        ubuf_free(u);
    return big_endian(h, 4);
}

int req_endpoint::submit(envelope& request, ubuf* original) {
    const int hops = request.back.frames.empty() ? 1 : request.back.hops + 1;
    if (hops > max_hops)
        return fail(EINVAL);
    while (unanswered_.count(++next_id_) != 0) {
    }
    const uint32_t id = next_id_;
    std::string key = key_for(request.body, original);
    message frames;
    frames.push_back(make_tag({static_cast<uint8_t>(hops), id}));
    for (frame& f : seal_envelope(request))
        frames.push_back(std::move(f));
    unanswered_.emplace(id, outstanding{std::move(frames), std::move(key), true});
    waiting_.push_back(id);
    return 0;
}

void req_endpoint::pump() {
    guard().events();  // takes the socket's commands: lost peers are counted then
    int64_t lost = 0;
    size_t size = sizeof lost;
    void* s = guard().socket();
    if (zmq_getsockopt(s, ZMX_PEERS_LOST, &lost, &size) == 0 && lost != peers_lost_) {
        peers_lost_ = lost;
        for (auto& [id, r] : unanswered_) {
            if (!r.waiting) {
                r.waiting = true;
                waiting_.push_back(id);
            }
        }
    }
    while (!waiting_.empty()) {
        auto it = unanswered_.find(waiting_.front());
        if (it != unanswered_.end()) {
            outstanding& r = it->second;
            if (!r.key.empty())
                zmq_setsockopt(s, ZMX_LB_KEY, r.key.data(), r.key.size());
            if (send_copies(s, r.frames) < 0)
                return;  // no peer has room: the rest waits
            r.waiting = false;
        }
        waiting_.pop_front();
    }
}

int req_endpoint::take_reply(envelope& out) {
    message m;
    while (recv_message(guard().socket(), m) == 0) {
        const auto tag = m.empty() ? std::nullopt : read_tag(m.front());
        if (!tag || unanswered_.erase(tag->id) == 0)
            continue;  // not ours, or answered already
        m.erase(m.begin());
        if (!open_envelope(m, out))
            continue;
        out.back.hops = tag->hops - 1;
        return 0;
    }
    return -1;
}

// ---------------------------------------------------------------- sp_send, sp_recv

int req_endpoint::send_ubuf(std::unique_lock<std::mutex>& lock, ubuf* u) {
    if (!has_members())
        return fail(ENOTCONN);  // nobody would ever take it
    envelope e = from_ubuf(u);
    if (submit(e, u) < 0)
        return -1;
    const uint32_t id = next_id_;
    const int rc = guard().run(lock, send_timeout(), [&] {
        pump();
        auto it = unanswered_.find(id);
        return it == unanswered_.end() || !it->second.waiting ? 0 : socket_guard::again;
    });
    if (rc == 0)
        ubuf_free(u);
    else
        unanswered_.erase(id);
    return rc;
}

int req_endpoint::recv_ubuf(std::unique_lock<std::mutex>& lock, char** out) {
    return recv_with(lock, out, [this](envelope& e) {
        pump();
        return take_reply(e);
    });
}

// ---------------------------------------------------------------- options

int req_endpoint::set_strategy(const void* value, int size) {
    int strategy;
    ulhash hash = nullptr;
    if (size == static_cast<int>(sizeof(int))) {
        strategy = *static_cast<const int*>(value);
    } else if (size == static_cast<int>(sizeof(ulhash_attr))) {
        const auto* attr = static_cast<const ulhash_attr*>(value);
        strategy = attr->lbs;
        hash = attr->hash;
        if (strategy != SP_REQ_ULHASH || !hash)
            return fail(EINVAL);
    } else {
        return fail(EINVAL);
    }
    if (strategy < SP_REQ_RRBIN || strategy > SP_REQ_CONSISTENT_HASH)
        return fail(EINVAL);
    std::lock_guard lock(guard().mutex());
    void* s = guard().socket();
    const int policy = lb_policy_of(strategy);
    if (zmq_setsockopt(s, ZMX_LB_POLICY, &policy, sizeof policy) < 0)
        return -1;
    zmx_set_lb_hash(s, strategy == SP_REQ_ULHASH ? hash_carried_in_key : nullptr, nullptr);
    strategy_ = strategy;
    user_hash_ = hash;
    return 0;
}

int req_endpoint::set_weight(const void* value, int size) {
    if (size != static_cast<int>(sizeof(rrbin_attr)))
        return fail(EINVAL);
    const auto* attr = static_cast<const rrbin_attr*>(value);
    if (attr->weight < 1)
        return fail(EINVAL);
    std::lock_guard lock(guard().mutex());
    const std::string* through = member_endpoint(attr->fd);
    if (!through)
        return fail(ENOENT);  // not one of this endpoint's handles
    if (zmx_set_peer_weight(guard().socket(), through->c_str(), attr->weight) < 0)
        return -1;
    weights_[attr->fd] = attr->weight;
    return 0;
}

int req_endpoint::set_type_option(int opt, const void* value, int size) {
    switch (opt) {
    case SP_PROXY:
        return proxy::join_option(*this, value, size);
    case SP_REQ_LBS:
        return set_strategy(value, size);
    case SP_REQ_RRBIN_WEIGHT:
        return set_weight(value, size);
    default:
        return fail(EINVAL);
    }
}

int req_endpoint::get_type_option(int opt, void* value, int* size) {
    if (opt == SP_REQ_LBS && *size >= static_cast<int>(sizeof(int))) {
        std::lock_guard lock(guard().mutex());
        *static_cast<int*>(value) = strategy_;
        *size = sizeof(int);
        return 0;
    }
    if (opt == SP_REQ_RRBIN_WEIGHT && *size >= static_cast<int>(sizeof(rrbin_attr))) {
        auto* attr = static_cast<rrbin_attr*>(value);
        std::lock_guard lock(guard().mutex());
        if (!member_endpoint(attr->fd))
            return fail(ENOENT);
        auto it = weights_.find(attr->fd);
        attr->weight = it == weights_.end() ? 1 : it->second;
        *size = sizeof(rrbin_attr);
        return 0;
    }
    return fail(EINVAL);
}

} // namespace zmx::xio
