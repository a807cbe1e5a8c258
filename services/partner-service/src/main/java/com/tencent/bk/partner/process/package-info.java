/**
 * The seam between the domains and the Camunda engine: process keys, task ids, message names, typed access
 * to process variables, and the few engine calls the domains make. Keeping engine calls here keeps a later
 * move to a Camunda 7 fork (Operaton, CIB seven) cheap.
 */
package com.tencent.bk.partner.process;
