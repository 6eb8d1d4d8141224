// What a run does with its open socket, one function per role.
#pragma once

#include "cat_options.hpp"

namespace zmx_cat {

// Each returns when the run is done; throws cat_error otherwise.
void run_role(void* socket, const cat_options& options);

}  // namespace zmx_cat
