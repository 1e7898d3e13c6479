//! The gradient of a whole velocity-space distribution, bin by bin: `grad f(v) =
//! sum_a k_a f_a(v)`, as used for gradient distributions (Shuster et al. 2026, Methods).

use super::{Tetrahedron, TetrahedronError};
use ndarray::{Array, ArrayView, Axis, Dimension, RemoveAxis, Zip, stack};

impl Tetrahedron {
    /// Linear gradient of four distributions sampled on the same velocity grid.
    ///
    /// The result has one more axis than the inputs, in front: `grad[[i, ...]] = d f / d x_i`
    /// for i = x, y, z, in the unit of `f` per metre. The velocity grid can be anything
    /// (Cartesian, or FPI's energy x polar x azimuth): the gradient is taken bin by bin.
    ///
    /// # Errors
    /// [`TetrahedronError::ShapeMismatch`] if the grids differ,
    /// [`TetrahedronError::NonFiniteSample`] if a phase-space density is NaN or infinite.
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// use ndarray::Array2;
    /// let t = Tetrahedron::new([[0.,0.,0.], [1.,0.,0.], [0.,1.,0.], [0.,0.,1.]]).unwrap();
    /// // f grows by 0.5 per metre along x in every velocity bin.
    /// let f = [0.0, 0.5, 0.0, 0.0].map(|shift| Array2::from_elem((2, 3), 1.0 + shift));
    /// let grad = t.gradient_distribution([f[0].view(), f[1].view(), f[2].view(), f[3].view()]).unwrap();
    /// assert_eq!(grad.shape(), &[3, 2, 3]);
    /// assert!((grad[[0, 1, 2]] - 0.5).abs() < 1e-12 && grad[[2, 0, 0]].abs() < 1e-12);
    /// ```
    pub fn gradient_distribution<D>(
        &self,
        f: [ArrayView<'_, f64, D>; 4],
    ) -> Result<Array<f64, D::Larger>, TetrahedronError>
    where
        D: Dimension,
        D::Larger: RemoveAxis,
    {
        let expected = f[0].shape().to_vec();
        for (index, sample) in f.iter().enumerate() {
            if sample.shape() != expected.as_slice() {
                return Err(TetrahedronError::ShapeMismatch {
                    spacecraft: index + 1,
                    expected,
                    found: sample.shape().to_vec(),
                });
            }
            if !sample.iter().all(|x| x.is_finite()) {
                return Err(TetrahedronError::NonFiniteSample { spacecraft: index + 1 });
            }
        }
        let k = &self.reciprocal;
        let weights: [[f64; 4]; 3] = std::array::from_fn(|axis| [k[0][axis], k[1][axis], k[2][axis], k[3][axis]]);
        let mut shape = f[0].raw_dim().insert_axis(Axis(0));
        shape[0] = 3;
        // Fast path for the usual case of four standard-layout arrays: one pass over memory,
        // writing the three components side by side.
        if let [Some(f1), Some(f2), Some(f3), Some(f4)] = f.each_ref().map(|a| a.as_slice()) {
            let bins = f1.len();
            let mut data = vec![0.0; 3 * bins];
            let (x, rest) = data.split_at_mut(bins);
            let (y, z) = rest.split_at_mut(bins);
            let [wx, wy, wz] = weights;
            let samples = f1.iter().zip(f2).zip(f3).zip(f4);
            for (((gx, gy), gz), (((&a, &b), &c), &d)) in x.iter_mut().zip(y.iter_mut()).zip(z.iter_mut()).zip(samples) {
                *gx = wx[0] * a + wx[1] * b + wx[2] * c + wx[3] * d;
                *gy = wy[0] * a + wy[1] * b + wy[2] * c + wy[3] * d;
                *gz = wz[0] * a + wz[1] * b + wz[2] * c + wz[3] * d;
            }
            // Finite densities near 1e308 can still overflow the weighted sums.
            if !data.iter().all(|v| v.is_finite()) {
                return Err(TetrahedronError::Overflow { quantity: "gradient" });
            }
            return Ok(Array::from_shape_vec(shape, data).expect("3 x the input shape holds 3 x its bins"));
        }
        let component = |w: &[f64; 4]| {
            Zip::from(&f[0]).and(&f[1]).and(&f[2]).and(&f[3]).map_collect(|&f1, &f2, &f3, &f4| {
                w[0] * f1 + w[1] * f2 + w[2] * f3 + w[3] * f4
            })
        };
        let [x, y, z] = weights.each_ref().map(component);
        let gradient = stack(Axis(0), &[x.view(), y.view(), z.view()]).expect("three components of one shape stack");
        if !gradient.iter().all(|v| v.is_finite()) {
            return Err(TetrahedronError::Overflow { quantity: "gradient" });
        }
        Ok(gradient)
    }
}
