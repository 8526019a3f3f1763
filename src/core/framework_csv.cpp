#include "core/framework_csv.hpp"
