/* dcm-test-util.h — for tests on compressed manifests: PE files, the vectors, temp trees
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

/* ../shared/test-vectors/dcm (from UE_SHARED_DIR), or NULL when it is absent */
char   *ue_test_dcm_dir          (void);
/* removes a temporary folder and everything in it */
void    ue_test_remove_tree      (const char    *path);

/* a temporary folder, and the vectors folder (NULL when ../shared is absent) */
typedef struct
{
  char *tmp;
  char *vectors;
} UeTestDcmFixture;

void    ue_test_dcm_fixture_set_up    (UeTestDcmFixture *f,
                                       gconstpointer     data);
void    ue_test_dcm_fixture_tear_down (UeTestDcmFixture *f,
                                       gconstpointer     data);

G_END_DECLS
