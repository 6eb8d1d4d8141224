#include "base/body_allocator.hpp"

#ifdef ZMX_BODIES_FROM_MALLOC
#include <cstdlib>
#else
#include <mimalloc.h>
#endif

namespace zmx {

#ifdef ZMX_BODIES_FROM_MALLOC

void* allocate_body(size_t size) { return std::malloc(size); }
void free_body(void* body) { std::free(body); }

#else

namespace {
// mimalloc gives a page's memory back to the system 25 ms after its last
// block is freed. Bodies are freed by the other thread in bursts, so pages
// of a steady stream of 64 KiB messages empty and fill again at about that
// pace, and each refill page-faults: over tcp that was one fault per
// message and a third of the CPU (a fault is dear in a virtual machine).
// One second keeps a busy stream's pages while the memory of a burst still
// goes back soon after. MIMALLOC_DECOMMIT_DELAY in the environment, read
// by mimalloc, still decides if set.
struct decommit_delay_setting {
    decommit_delay_setting() { mi_option_set_default(mi_option_decommit_delay, 1000); }
} const decommit_later;
} // namespace

void* allocate_body(size_t size) { return mi_malloc(size); }
void free_body(void* body) { mi_free(body); }

#endif

} // namespace zmx
