#include "socket/load_balancer.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"
#include "io/pipe.hpp"
#include "socket/consistent_hash_ring.hpp"
#include "socket/hash_modulo.hpp"
#include "socket/key_hash.hpp"
#include "socket/options.hpp"
#include "socket/weighted_round_robin.hpp"

#include <algorithm>

namespace zmx {

namespace {

constexpr size_t max_key_size = 255;

std::unique_ptr<lb_strategy> make_strategy(int policy) {
    switch (policy) {
    case ZMX_LB_WEIGHTED:
        return std::make_unique<weighted_round_robin>();
    case ZMX_LB_USER_HASH:
        return std::make_unique<hash_modulo>();
    case ZMX_LB_CONSISTENT_HASH:
        return std::make_unique<consistent_hash_ring>();
    default:
        return nullptr;
    }
}

} // namespace

std::string load_balancer::name_for(pipe* p, bool locally_initiated) {
    if (!locally_initiated || p->endpoint().empty())
        return "peer#" + std::to_string(++anonymous_peers_);
    // Two connections to one endpoint get names of their own.
    std::string name = p->endpoint();
    for (int n = 2; std::any_of(peers_.begin(), peers_.end(), [&](const peer& e) { return e.name == name; }); ++n)
        name = p->endpoint() + "#" + std::to_string(n);
    return name;
}

void load_balancer::attach(pipe* p, bool locally_initiated) {
    pipes_.add_active(p);
    peers_.push_back({p, name_for(p, locally_initiated)});
    if (strategy_) {
        strategy_->attach(p, peers_.back().name);
        if (auto w = weights_.find(p->endpoint()); w != weights_.end())
            strategy_->weigh(p, w->second);
    }
    if (policy_ == ZMX_LB_BROADCAST)
        everyone_.attach(p);
}

void load_balancer::terminated(pipe* p) {
    if (more_ && ((pipes_.active() > 0 && pipes_.current() == p && policy_ == ZMX_LB_ROUND_ROBIN) || chosen_ == p))
        dropping_ = true;
    if (chosen_ == p)
        chosen_ = nullptr;
    pipes_.remove(p);
    std::erase_if(peers_, [p](const peer& e) { return e.p == p; });
    if (strategy_)
        strategy_->terminated(p);
    everyone_.terminated(p);
    ++lost_;
}

int load_balancer::send(msg& m, pipe** to) {
    if (dropping_) {
        more_ = dropping_ = m.has(msg::more);
        m.close();
        return 0;
    }
    switch (policy_) {
    case ZMX_LB_ROUND_ROBIN:
        return send_round_robin(m, to);
    case ZMX_LB_BROADCAST:
        return send_broadcast(m);
    default:
        return send_by_strategy(m, to);
    }
}

bool load_balancer::uses_keys() const { return policy_ == ZMX_LB_USER_HASH || policy_ == ZMX_LB_CONSISTENT_HASH; }

int load_balancer::send_round_robin(msg& m, pipe** to) {
    const bool more = m.has(msg::more);
    while (pipes_.active() > 0) {
        pipe* p = pipes_.current();
        if (p->write(m)) {
            if (to)
                *to = p;
            more_ = more;
            if (!more)
                pipes_.advance();
            return 0;
        }
        pipes_.deactivate_current();
    }
    return fail(EAGAIN);
}

int load_balancer::send_by_strategy(msg& m, pipe** to) {
    const bool more = m.has(msg::more);
    if (!more_) {
        const uint32_t hash = uses_keys() ? hash_of_key(m) : 0;
        // A pipe that had room but just lost its reader refuses the write;
        // the strategy sees that at once and picks another.
        while (!chosen_) {
            pipe* p = strategy_->choose(hash);
            if (!p)
                return fail(EAGAIN);
            if (p->write(m))
                chosen_ = p;
        }
        has_key_ = false;
    } else if (!chosen_->write(m)) {
        m.close();  // the rest of a message whose pipe lost its reader
    }
    if (to)
        *to = chosen_;
    more_ = more;
    if (!more)
        chosen_ = nullptr;
    return 0;
}

int load_balancer::send_broadcast(msg& m) {
    // Every peer gets every message: it waits until all of them have room
    // (and, as a DEALER waits for its first peer, until there is one).
    if (!more_ && (everyone_.pipes().empty() || !everyone_.all_have_room()))
        return fail(EAGAIN);
    more_ = m.has(msg::more);
    everyone_.send(m);
    return 0;
}

bool load_balancer::has_out() {
    if (more_)
        return true;
    if (policy_ == ZMX_LB_BROADCAST)
        return !everyone_.pipes().empty() && everyone_.all_have_room();
    return pipes_.find_ready([](pipe* p) { return p->check_write(); });
}

uint32_t load_balancer::hash_of_key(const msg& first_frame) {
    const void* data = has_key_ ? key_.data() : first_frame.data();
    const size_t size = has_key_ ? key_.size() : first_frame.size();
    return hash_ ? hash_(data, size, hash_hint_) : key_hash(data, size);
}

// ---------------------------------------------------------------- options

int load_balancer::set_policy(int policy) {
    if (policy < ZMX_LB_ROUND_ROBIN || policy > ZMX_LB_BROADCAST || more_ ||
        (policy == ZMX_LB_BROADCAST && !broadcast_allowed_))
        return fail(EINVAL);
    policy_ = policy;
    has_key_ = false;  // set for the old policy
    strategy_ = make_strategy(policy);
    everyone_ = distributor{};
    for (const peer& e : peers_) {
        if (strategy_) {
            strategy_->attach(e.p, e.name);
            if (auto w = weights_.find(e.p->endpoint()); w != weights_.end())
                strategy_->weigh(e.p, w->second);
        }
        if (policy == ZMX_LB_BROADCAST)
            everyone_.attach(e.p);
    }
    return 0;
}

int load_balancer::setsockopt(int option, const void* value, size_t size) {
    if (option == ZMX_LB_POLICY) {
        int policy;
        if (option_value::get_int(value, size, policy) < 0)
            return -1;
        return set_policy(policy);
    }
    if (size > max_key_size || (size > 0 && !value))
        return fail(EINVAL);
    key_.assign(static_cast<const char*>(value), size);
    has_key_ = true;
    return 0;
}

int load_balancer::getsockopt(int option, void* value, size_t* size) const {
    if (option == ZMX_LB_POLICY)
        return option_value::put_int(value, size, policy_);
    return option_value::put_int64(value, size, lost_);
}

int load_balancer::set_peer_weight(const std::string& endpoint, int weight) {
    if (weight < 1 || endpoint.empty())
        return fail(EINVAL);
    weights_[endpoint] = weight;
    if (strategy_)
        for (const peer& e : peers_)
            if (e.p->endpoint() == endpoint)
                strategy_->weigh(e.p, weight);
    return 0;
}

void load_balancer::set_hash(zmx_hash_fn* fn, void* hint) {
    hash_ = fn;
    hash_hint_ = hint;
}

void load_balancer::offer_key(const msg& m) {
    if (has_key_ || !uses_keys())
        return;
    key_.assign(static_cast<const char*>(m.data()), std::min(m.size(), max_key_size));
    has_key_ = true;
}

} // namespace zmx
