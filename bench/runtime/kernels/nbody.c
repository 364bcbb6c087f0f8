// The classic 5-body simulation (doubles), 1000000 steps; energy checksum.
// Placement build: the bodies in memory 1.
#include "kernel.h"
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS 365.24
struct Body { double X, Y, Z, Vx, Vy, Vz, M; };
static struct Body MEM(1) Bodies[5] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS,
     -6.90460016972063023e-05 * DAYS, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS,
     2.30417297573763929e-05 * DAYS, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS,
     -2.96589568540237556e-05 * DAYS, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS,
     -9.51592254519715870e-05 * DAYS, 5.15138902046611451e-05 * SOLAR_MASS}};
static double energy(void) {
  double E = 0;
  for (int I = 0; I < 5; ++I) {
    struct Body MEM(1) *B = &Bodies[I];
    E += 0.5 * B->M * (B->Vx * B->Vx + B->Vy * B->Vy + B->Vz * B->Vz);
    for (int J = I + 1; J < 5; ++J) {
      double Dx = B->X - Bodies[J].X, Dy = B->Y - Bodies[J].Y, Dz = B->Z - Bodies[J].Z;
      E -= B->M * Bodies[J].M / __builtin_sqrt(Dx * Dx + Dy * Dy + Dz * Dz);
    }
  }
  return E;
}
unsigned long long bench(void) {
  double Px = 0, Py = 0, Pz = 0;
  for (int I = 0; I < 5; ++I) {
    Px += Bodies[I].Vx * Bodies[I].M;
    Py += Bodies[I].Vy * Bodies[I].M;
    Pz += Bodies[I].Vz * Bodies[I].M;
  }
  Bodies[0].Vx = -Px / SOLAR_MASS;
  Bodies[0].Vy = -Py / SOLAR_MASS;
  Bodies[0].Vz = -Pz / SOLAR_MASS;
  for (int Step = 0; Step < BENCH_SIZE(1000000, 1000); ++Step) {
    for (int I = 0; I < 5; ++I) {
      struct Body MEM(1) *B = &Bodies[I];
      for (int J = I + 1; J < 5; ++J) {
        struct Body MEM(1) *C = &Bodies[J];
        double Dx = B->X - C->X, Dy = B->Y - C->Y, Dz = B->Z - C->Z;
        double D2 = Dx * Dx + Dy * Dy + Dz * Dz;
        double Mag = 0.01 / (D2 * __builtin_sqrt(D2));
        B->Vx -= Dx * C->M * Mag; B->Vy -= Dy * C->M * Mag; B->Vz -= Dz * C->M * Mag;
        C->Vx += Dx * B->M * Mag; C->Vy += Dy * B->M * Mag; C->Vz += Dz * B->M * Mag;
      }
    }
    for (int I = 0; I < 5; ++I) {
      Bodies[I].X += 0.01 * Bodies[I].Vx;
      Bodies[I].Y += 0.01 * Bodies[I].Vy;
      Bodies[I].Z += 0.01 * Bodies[I].Vz;
    }
  }
  return (unsigned long long)(-energy() * 1e9);
}
