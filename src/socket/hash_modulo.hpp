// ZMX_LB_USER_HASH: the pipe at the key's hash modulo the number of pipes,
// in the order they joined. A pipe joining or leaving moves most keys (use
// the consistent-hash ring to avoid that).
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/lb_strategy.hpp"

#include <vector>

namespace zmx {

class hash_modulo final : public lb_strategy {
public:
    void attach(pipe* p, std::string_view) override { pipes_.push_back(p); }
    void terminated(pipe* p) override;
    pipe* choose(uint32_t key_hash) override;

private:
    std::vector<pipe*> pipes_;
};

} // namespace zmx
