// ZMX_LB_WEIGHTED: smooth weighted round robin. Each pick, every pipe with
// room earns its weight in credit, the richest is chosen and pays the sum
// of the weights earned: weights 1 and 3 give A B B B, spread evenly, and
// a full pipe earns nothing while it waits.
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/lb_strategy.hpp"

#include <vector>

namespace zmx {

class weighted_round_robin final : public lb_strategy {
public:
    void attach(pipe* p, std::string_view name) override;
    void terminated(pipe* p) override;
    void weigh(pipe* p, int weight) override;
    pipe* choose(uint32_t key_hash) override;

private:
    struct peer {
        pipe* p;
        int weight;
        int64_t credit;
    };
    std::vector<peer> peers_;
};

} // namespace zmx
