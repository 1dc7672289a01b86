#ifndef FANOUT_CLIBYAML_SHIM_H
#define FANOUT_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
