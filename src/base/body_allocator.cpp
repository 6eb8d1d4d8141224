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

void* allocate_body(size_t size) { return mi_malloc(size); }
void free_body(void* body) { mi_free(body); }

#endif

} // namespace zmx
