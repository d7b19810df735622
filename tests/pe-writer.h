/* pe-writer.h — minimal PE32 / PE32+ files with a resource tree, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UE_TEST_PE_32,           /* PE32, i386 */
  UE_TEST_PE_32_PLUS,      /* PE32+, amd64 */
} UeTestPeKind;

typedef enum
{
  UE_TEST_PE_WITH_RESOURCE = 0,   /* a version-like type 16 plus type/id holding blob */
  UE_TEST_PE_OTHER_TYPES_ONLY,    /* only the type 16 resource */
  UE_TEST_PE_NO_RESOURCE_DIR,     /* an empty resource data directory */
  UE_TEST_PE_DATA_OUTSIDE,        /* the blob's data entry points past the section */
} UeTestPeShape;

/* a PE file whose resource type_id/name_id (language 1033) holds blob */
GBytes *ue_test_pe_build (UeTestPeKind   kind,
                          UeTestPeShape  shape,
                          guint          type_id,
                          guint          name_id,
                          GBytes        *blob);

G_END_DECLS
