// A socket that load-balances its output (DEALER, PUSH, REQ) shows its
// load_balancer to zmx's C extensions (zmx_set_peer_weight, zmx_set_lb_hash)
// through this.
//
// Threading: the owning socket's thread.
#pragma once

namespace zmx {

class load_balancer;

class load_balancing {
public:
    virtual load_balancer& balancer() = 0;

protected:
    ~load_balancing() = default;
};

} // namespace zmx
