***********************************************************************
*  HOG: touch every page of a large virtual storage.                  *
*                                                                     *
*  The attack.  The guest's directory entry gives it 4M of virtual    *
*  storage, twice the real machine.  It stores a byte in every 4K     *
*  page: each first touch is a page fault, and CP gives the page a    *
*  real frame of its own.  A CP that hands out frames to whoever asks *
*  first, and has no paging, runs out: nobody else can log on (the    *
*  new machine needs a frame for its DAT tables and more for CMS),    *
*  and a machine that needs one more page is stopped.                 *
*                                                                     *
*  A correct CP keeps a share of real storage for the others (it      *
*  pages, or stops the hog at its share): BOB can still log on and    *
*  work.                                                              *
*                                                                     *
*  X'600D' if it got every page (or it may be stopped, or still       *
*  running when the test goes on: that is CP's business).             *
***********************************************************************
         COPY  GUEST
HOG      START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         L     R3,=A(X'10000')     from 64K (CMS and the program below)
         L     R4,=F'4096'
LOOP     MVI   0(R3),X'FF'         a page fault: a frame for it
         AR    R3,R4
         CR    R3,R6
         BL    LOOP
         LPSW  GOOD
         COPY  DOIO
         END
