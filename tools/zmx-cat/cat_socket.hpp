// The socket a run asked for: options first, then its endpoints.
#pragma once

#include "cat_options.hpp"
#include "zmq_handles.hpp"

namespace zmx_cat {

zmx_tools::socket open_cat_socket(const zmx_tools::context& ctx, const cat_options& options);

}  // namespace zmx_cat
