***********************************************************************
*  TOUCHER: a machine that takes new frames, one page after another.  *
*                                                                     *
*  Not an attack: the harness starts it just as another user logs     *
*  off, so the frames that user gives back go to this machine at once *
*  (CP's free frames are a chain, the last given back the first       *
*  taken).  Each run touches the next 40 pages from where the last    *
*  run stopped (NEXTPG, from X'40000' on), a few hundred instructions *
*  apart, then ends with X'600D'.                                     *
***********************************************************************
         COPY  GUEST
TOUCHER  START X'8000'
         BALR  R12,0
         USING *,R12
         L     R2,NEXTPG
         LA    R5,40               pages this run
T10      MVI   0(R2),X'01'         a new frame for this page
         L     R4,=F'200'          a little while
T20      BCT   R4,T20
         A     R2,=F'4096'
         BCT   R5,T10
         ST    R2,NEXTPG
         LPSW  GOOD
NEXTPG   DC    A(X'40000')
         LTORG
         COPY  DOIO
         END
