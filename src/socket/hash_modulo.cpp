#include "socket/hash_modulo.hpp"

#include "io/pipe.hpp"

#include <algorithm>

namespace zmx {

void hash_modulo::terminated(pipe* p) { std::erase(pipes_, p); }

pipe* hash_modulo::choose(uint32_t key_hash) {
    if (pipes_.empty())
        return nullptr;
    pipe* p = pipes_[key_hash % pipes_.size()];
    return p->check_write() ? p : nullptr;
}

} // namespace zmx
