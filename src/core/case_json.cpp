#include "core/case_json.hpp"
