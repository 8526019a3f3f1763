#include "core/framework_diff.hpp"
