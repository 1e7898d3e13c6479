//! The gradient of a whole velocity-space distribution, bin by bin: `grad f(v) =
//! sum_a k_a f_a(v)`, as used for gradient distributions (Shuster et al. 2026, Methods).
//!
//! The kernel reads four arrays and writes three, so it is bound by memory traffic, not
//! arithmetic: [`Tetrahedron::gradient_distribution_into`] writes into a buffer the caller
//! keeps (a time series of distributions reuses one buffer, with no allocation or page
//! faults per step) and checks finiteness on the output as it writes it, instead of a
//! separate pass over the inputs.

use super::{Tetrahedron, TetrahedronError};
use ndarray::{Array, ArrayView, ArrayViewMut, Axis, Dimension, RemoveAxis, Zip};

impl Tetrahedron {
    /// Linear gradient of four distributions sampled on the same velocity grid.
    ///
    /// The result has one more axis than the inputs, in front: `grad[[i, ...]] = d f / d x_i`
    /// for i = x, y, z, in the unit of `f` per metre. The velocity grid can be anything
    /// (Cartesian, or FPI's energy x polar x azimuth): the gradient is taken bin by bin.
    /// A thin wrapper of [`Tetrahedron::gradient_distribution_into`], which a time series
    /// should call with one reused buffer.
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
        check_shapes(&f)?;
        let mut gradient = Array::zeros(output_dim(&f[0]));
        self.gradient_distribution_into(f, gradient.view_mut())?;
        Ok(gradient)
    }

    /// [`Tetrahedron::gradient_distribution`] written into `out`, of shape
    /// `[3, <distribution shape>]` (x, y, z in front, in the unit of `f` per metre).
    ///
    /// For time series of distributions: one buffer serves every step, so a step costs one
    /// pass over the four inputs and the output and nothing else. On an error `out` holds
    /// partial results; do not read it.
    ///
    /// # Errors
    /// [`TetrahedronError::ShapeMismatch`] if the grids differ,
    /// [`TetrahedronError::OutputShapeMismatch`] if `out` is not 3 x their shape,
    /// [`TetrahedronError::NonFiniteSample`] if a phase-space density is NaN or infinite.
    ///
    /// ```
    /// use mmsbook::tetrahedron::Tetrahedron;
    /// use ndarray::{Array1, Array2};
    /// let t = Tetrahedron::new([[0.,0.,0.], [2.,0.,0.], [0.,2.,0.], [0.,0.,2.]]).unwrap();
    /// let mut grad = Array2::zeros((3, 4)); // one buffer for the whole series
    /// for step in 0..3 {
    ///     // f = step * z (per metre) in each of 4 velocity bins
    ///     let f = [0.0, 0.0, 0.0, 2.0].map(|z| Array1::from_elem(4, step as f64 * z));
    ///     t.gradient_distribution_into([f[0].view(), f[1].view(), f[2].view(), f[3].view()], grad.view_mut()).unwrap();
    ///     assert!((grad[[2, 3]] - step as f64).abs() < 1e-12 && grad[[0, 0]].abs() < 1e-12);
    /// }
    /// ```
    pub fn gradient_distribution_into<D>(
        &self,
        f: [ArrayView<'_, f64, D>; 4],
        mut out: ArrayViewMut<'_, f64, D::Larger>,
    ) -> Result<(), TetrahedronError>
    where
        D: Dimension,
        D::Larger: RemoveAxis,
    {
        check_shapes(&f)?;
        let expected = output_dim(&f[0]);
        if out.raw_dim() != expected {
            return Err(TetrahedronError::OutputShapeMismatch {
                expected: expected.slice().to_vec(),
                found: out.shape().to_vec(),
            });
        }
        let k = &self.reciprocal;
        let weights: [[f64; 4]; 3] =
            std::array::from_fn(|axis| [k[0][axis], k[1][axis], k[2][axis], k[3][axis]]);
        let all_finite = match (f.each_ref().map(|a| a.as_slice()), out.as_slice_mut()) {
            // The usual case, every array in standard layout: one blocked pass over memory.
            ([Some(f1), Some(f2), Some(f3), Some(f4)], Some(data)) => {
                let (x, rest) = data.split_at_mut(f1.len());
                let (y, z) = rest.split_at_mut(f1.len());
                gradient_slices(&weights, [f1, f2, f3, f4], [x, y, z])
            }
            _ => {
                for (w, component) in weights.iter().zip(out.axis_iter_mut(Axis(0))) {
                    let component = component
                        .into_dimensionality::<D>()
                        .expect("a component has the distribution's dimension");
                    Zip::from(component)
                        .and(&f[0])
                        .and(&f[1])
                        .and(&f[2])
                        .and(&f[3])
                        .for_each(|g, &a, &b, &c, &d| {
                            *g = w[0] * a + w[1] * b + w[2] * c + w[3] * d;
                        });
                }
                out.index_axis(Axis(0), 0).iter().all(|g| g.is_finite())
            }
        };
        if !all_finite {
            // Rare: find which spacecraft carries the non-finite value; finite densities near
            // 1e308 can still overflow the weighted sums.
            if let Some(index) = f
                .iter()
                .position(|sample| !sample.iter().all(|x| x.is_finite()))
            {
                return Err(TetrahedronError::NonFiniteSample {
                    spacecraft: index + 1,
                });
            }
            return Err(TetrahedronError::Overflow {
                quantity: "gradient",
            });
        }
        Ok(())
    }
}

/// Every distribution has spacecraft 1's shape.
fn check_shapes<D: Dimension>(f: &[ArrayView<'_, f64, D>; 4]) -> Result<(), TetrahedronError> {
    for (index, sample) in f.iter().enumerate().skip(1) {
        if sample.shape() != f[0].shape() {
            return Err(TetrahedronError::ShapeMismatch {
                spacecraft: index + 1,
                expected: f[0].shape().to_vec(),
                found: sample.shape().to_vec(),
            });
        }
    }
    Ok(())
}

/// `[3, <shape of sample>]`.
fn output_dim<D: Dimension>(sample: &ArrayView<'_, f64, D>) -> D::Larger {
    let mut dim = sample.raw_dim().insert_axis(Axis(0));
    dim[0] = 3;
    dim
}

/// The kernel on contiguous data, block by block: `g_i = sum_a w[i][a] f_a`. Returns whether
/// every x component is finite, which holds exactly when every input is finite or when no
/// sum overflowed: a NaN or infinite input makes every component it enters non-finite
/// (`w * inf` is infinite or NaN for any weight, and stays so when finite terms are added).
fn gradient_slices(weights: &[[f64; 4]; 3], f: [&[f64]; 4], out: [&mut [f64]; 3]) -> bool {
    const EXPONENT: u64 = 0x7ff0_0000_0000_0000;
    const EXPONENT_ONE: u64 = 0x0010_0000_0000_0000;
    let [wx, wy, wz] = *weights;
    let [x, y, z] = out;
    // Bit 63 of `(bits & EXPONENT) + EXPONENT_ONE` is set exactly when the exponent is all
    // ones (infinity or NaN): integer and/add/or, which vectorise and reduce in any order.
    let mut non_finite = 0u64;
    let n = f[0].len();
    let (a, b, c, d) = (f[0], &f[1][..n], &f[2][..n], &f[3][..n]);
    let (x, y, z) = (&mut x[..n], &mut y[..n], &mut z[..n]);
    for i in 0..n {
        let gx = wx[0] * a[i] + wx[1] * b[i] + wx[2] * c[i] + wx[3] * d[i];
        x[i] = gx;
        y[i] = wy[0] * a[i] + wy[1] * b[i] + wy[2] * c[i] + wy[3] * d[i];
        z[i] = wz[0] * a[i] + wz[1] * b[i] + wz[2] * c[i] + wz[3] * d[i];
        non_finite |= (gx.to_bits() & EXPONENT) + EXPONENT_ONE;
    }
    non_finite >> 63 == 0
}
